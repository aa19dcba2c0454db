/** Autosave: the user's own code and settings in localStorage. */
import type { SwapMode } from './player-port.ts';

const CODE_KEY = 'motif.code';
const SWAP_KEY = 'motif.swap';

/** The subset of the Web Storage API used here (localStorage, or a stand-in in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export class CodeStore {
  constructor(private readonly storage: KeyValueStore) {}

  loadCode(): string | null {
    return this.read(CODE_KEY);
  }

  saveCode(code: string): void {
    this.write(CODE_KEY, code);
  }

  loadSwapMode(): SwapMode {
    return this.read(SWAP_KEY) === 'now' ? 'now' : 'cycle';
  }

  saveSwapMode(mode: SwapMode): void {
    this.write(SWAP_KEY, mode);
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null; // storage disabled (private mode, policies): behave as a first start
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage.setItem(key, value);
    } catch (error) {
      console.warn('Motif could not autosave:', error);
    }
  }
}

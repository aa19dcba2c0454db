/** Autosave: the user's own code and settings in localStorage. */
import type { SwapMode } from './player-port.ts';

const CODE_KEY = 'motif.code';
const SWAP_KEY = 'motif.swap';
const HISTORY_KEY = 'motif.history';

/** How many evaluated versions the history keeps. */
export const HISTORY_LENGTH = 50;

/** An evaluated version of the code. */
export interface HistoryEntry {
  code: string;
  /** When it was evaluated, in ms since the epoch. */
  at: number;
}

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

  /** The evaluated versions, newest first. */
  loadHistory(): HistoryEntry[] {
    const text = this.read(HISTORY_KEY);
    if (text === null) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((e): e is HistoryEntry => typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.at === 'number');
    } catch {
      return []; // a damaged history is no reason to lose the editor
    }
  }

  /** Adds a version at the front (unless it equals the newest); keeps the last HISTORY_LENGTH. */
  pushHistory(code: string, at: number): HistoryEntry[] {
    const history = this.loadHistory();
    if (history[0]?.code === code) return history;
    const next = [{ code, at }, ...history].slice(0, HISTORY_LENGTH);
    this.write(HISTORY_KEY, JSON.stringify(next));
    return next;
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

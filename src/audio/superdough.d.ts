/**
 * The part of superdough (no shipped types) that src/audio uses. Functions only, so this merges
 * with other partial declarations of the module as overloads. Motif code outside src/audio should
 * go through src/audio rather than call superdough directly.
 */
declare module 'superdough' {
  export function setAudioContext(context: BaseAudioContext): BaseAudioContext;
  export function initAudio(options?: { maxPolyphony?: number; disableWorklets?: boolean }): Promise<void>;
  export function loadWorklets(): Promise<void>;
  export function setSuperdoughAudioController(controller: null): null;
  export function getSuperdoughAudioController(): unknown;
  export function setMaxPolyphony(polyphony: number): void;
  export function registerSynthSounds(): void;
  export function samples(sampleMap: string | Record<string, unknown>, baseUrl?: string, options?: Record<string, unknown>): Promise<void>;
  export function loadBuffer(url: string, context: BaseAudioContext, s?: string, n?: number): Promise<AudioBuffer>;
  export function getSound(name: string): { onTrigger: unknown; data: Record<string, unknown> } | undefined;
  export function soundAlias(original: string, alias: string): void;
  export function setLogger(log: (message: string, type?: string) => void): void;
  export function superdough(value: Record<string, unknown>, time: number, duration: number, cps?: number, cycle?: number): Promise<void>;
}

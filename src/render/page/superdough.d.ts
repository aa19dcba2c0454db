/** The part of superdough (no shipped types) that the offline render page uses. */
declare module 'superdough' {
  export function setAudioContext(context: BaseAudioContext): BaseAudioContext;
  export function getAudioContext(): BaseAudioContext;
  export function setSuperdoughAudioController(controller: null): null;
  export function setMaxPolyphony(polyphony: number): void;
  export function registerSynthSounds(): void;
  export function loadWorklets(): Promise<void>;
  export function superdough(value: Record<string, unknown>, time: number, duration: number, cps?: number, cycle?: number): Promise<void>;
}

// TEMPORARY: types for the interim player until src/player lands.
declare module 'superdough' {
  export function getAudioContext(): AudioContext;
  export function initAudio(options?: Record<string, unknown>): Promise<void>;
  export function registerSynthSounds(): void;
  export function superdough(value: Record<string, unknown>, time: number, duration: number, cps?: number): Promise<void>;
  export function getSuperdoughAudioController(): { output: { destinationGain: GainNode } };
}

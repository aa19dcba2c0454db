/**
 * What the editor needs from a player: the subset of `src/player`'s `Player` that the UI uses.
 * The real player satisfies it structurally; tests or other front ends may supply their own.
 */
import type { Hap } from '@strudel/core';
import type { EvalResult, MotifError } from '../runtime/result.ts';

export type SwapMode = 'cycle' | 'now';

export interface PlayedEvent {
  hap: Hap;
  /** When the event starts, on the audio clock (seconds). */
  audioTime: number;
  durationSeconds: number;
  layer: string;
}

export interface PlayerPort {
  evaluate(code: string, opts?: { swap?: SwapMode }): Promise<EvalResult>;
  stop(): void;
  readonly playing: boolean;
  readonly audioContext: AudioContext;
  /** The current cycle at the audio output. */
  cycleNow(): number;
  onEvent(listener: (event: PlayedEvent) => void): () => void;
  onError(listener: (error: MotifError) => void): () => void;
  onWarning(listener: (message: string) => void): () => void;
}

/**
 * What the editor needs from a player: the subset of `src/player`'s sandboxed player that the UI
 * uses. The real player satisfies it structurally; tests or other front ends may supply their own.
 */
import type { MotifError } from '../runtime/result.ts';
import type { WireEvent, WireResult } from '../sandbox/protocol.ts';
import type { SwapMode } from '../scheduler/types.ts';
import type { RollNote } from './pianoroll-layout.ts';

export type { SwapMode };
/** An event as it is committed (ahead of its `audioTime`), with the atoms that made it. */
export type PlayedEvent = WireEvent;
/** What an evaluation gives the editor. */
export type EvaluationResult = WireResult;

export interface PlayerPort {
  evaluate(code: string, opts?: { swap?: SwapMode }): Promise<EvaluationResult>;
  stop(): void;
  readonly playing: boolean;
  readonly audioContext: AudioContext;
  /** The current cycle at the audio output. */
  cycleNow(): number;
  /** Moves a `slider(…)` of the playing code to `value`. */
  setSlider(id: string, value: number): void;
  /** The playing layers' notes in [begin, end), for the pianoroll (may lag a frame behind). */
  rollNotes(begin: number, end: number): RollNote[];
  onEvent(listener: (event: PlayedEvent) => void): () => void;
  onError(listener: (error: MotifError) => void): () => void;
  onWarning(listener: (message: string) => void): () => void;
}

/**
 * The browser player's API, as the editor uses it. `createBrowserPlayer()` (browser-player.ts)
 * returns one; src/editor/player-port.ts is the editor's structural view of the same shape.
 */
import type { Hap } from '@strudel/core';
import type { MidiOutputs } from '../midi-out/outputs.ts';
import type { EvaluateOptions } from '../runtime/evaluate.ts';
import type { EvalResult, MotifError } from '../runtime/result.ts';
import type { SchedulerStats } from '../scheduler/scheduler.ts';
import type { Cps, Seconds, SwapMode } from '../scheduler/types.ts';

export type { SwapMode };

export interface PlayedEvent {
  hap: Hap;
  /** Onset on the AudioContext clock (seconds). */
  audioTime: Seconds;
  durationSeconds: Seconds;
  /** The layer id (`main`, `$0`, `bass`, …). */
  layer: string;
}

export interface Player {
  /**
   * Evaluates `code` and plays it; starts playing if stopped. Playing code is replaced at the next
   * cycle boundary (`swap: 'cycle'`, the default) or as soon as possible (`'now'`). On errors the
   * last good code keeps playing and the result carries the errors.
   */
  evaluate(code: string, opts?: { swap?: SwapMode }): Promise<EvalResult>;
  /** Stops scheduling and fades every voice out within ~10 ms. */
  stop(): void;
  /** Silences every layer but keeps the clock running (the next evaluate plays on the beat). */
  hush(): void;
  /** Changes the tempo from the next uncommitted event on, keeping the cycle position. */
  setCps(cps: Cps): void;
  readonly cps: Cps;
  readonly playing: boolean;
  /** Events committed, events dropped as late, and seconds skipped after a stalled main thread. */
  readonly stats: SchedulerStats;
  readonly audioContext: AudioContext;
  /** The master bus's output analyser (scopes, meters, tests). */
  readonly analyser: AnalyserNode;
  /** The cycle now sounding at the audio output (output latency and the limiter's 6 ms included), 0 when stopped. */
  cycleNow(): number;
  /** Every scheduled event, when it is committed (ahead of its `audioTime`). */
  onEvent(listener: (event: PlayedEvent) => void): () => void;
  /** Errors while playing (a layer failing to query), with the layer id and its position. */
  onError(listener: (error: MotifError) => void): () => void;
  /** Warnings, once each: missing sounds, sample maps that failed to load, evaluation warnings. */
  onWarning(listener: (message: string) => void): () => void;
  /** Extra names for evaluation (AI transformers, …); replaces the previous extras. */
  setScope(extra: Record<string, unknown>): void;
  /** Stops, ends the tick worker and closes the AudioContext. */
  dispose(): Promise<void>;
}

export interface BrowserPlayerOptions {
  /** Defaults to a new `AudioContext({ latencyHint: 'interactive' })`. */
  audioContext?: AudioContext;
  /** The scheduler's tick interval (default 10 ms). */
  tickSeconds?: Seconds;
  /** How far ahead events are committed (default 30 ms, see bench/scheduler.bench.ts). */
  lookAheadSeconds?: Seconds;
  /** Default swap mode for `evaluate` (default `cycle`). */
  swap?: SwapMode;
  maxPolyphony?: number;
  /** Opens the MIDI outputs for `.midi()`, on first use; defaults to Web MIDI (tests pass a fake). */
  openMidi?: () => Promise<MidiOutputs>;
  /** Passed to every evaluate(): the pattern library and the type stripper. */
  evaluate?: Pick<EvaluateOptions, 'patterns' | 'stripTypes'>;
}

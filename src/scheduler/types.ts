/**
 * The scheduler's seam: cycles in patterns, seconds on the audio clock. Only the scheduler converts
 * between the two; everything it hands out is in seconds, with the cycle alongside for display.
 */
import type { Hap, Pattern } from '@strudel/core';
import type { CodePosition, MotifError } from '../runtime/result.ts';
import type { EventBudget } from './event-budget.ts';

/** Seconds on the output clock (the AudioContext clock in the browser). */
export type Seconds = number;
/** Pattern time: one cycle is one repetition of a pattern. */
export type Cycles = number;
/** Cycles per second. */
export type Cps = number;

/** A monotonic clock in seconds. In the browser, `() => audioContext.currentTime`. */
export interface Clock {
  now(): Seconds;
}

/** Calls `onTick` every `intervalSeconds` until stopped. */
export interface Timer {
  readonly intervalSeconds: Seconds;
  start(onTick: () => void): void;
  stop(): void;
}

/** One sounding event, handed to the output as soon as it is committed. */
export interface ScheduledEvent {
  hap: Hap;
  /** Onset on the output clock. */
  audioTime: Seconds;
  durationSeconds: Seconds;
  /** The layer that produced it (`main`, `$0`, `bass`, …). */
  layer: string;
  cps: Cps;
  /** The onset in cycles, for display. */
  cycle: Cycles;
}

/** A layer as the scheduler plays it: a subset of the runtime's `Layer`. */
export interface SchedulerLayer {
  id: string;
  pattern: Pattern;
  position: CodePosition;
}

/** `cycle`: the new code starts at the next cycle boundary. `now`: at the earliest uncommitted time. */
export type SwapMode = 'cycle' | 'now';

export interface SchedulerTiming {
  /** How far ahead of the clock events are committed to the output. */
  lookAheadSeconds: Seconds;
  /** Where cycle 0 starts after `start()`, relative to the clock. */
  startDelaySeconds: Seconds;
  /**
   * How far ahead of the committed point each layer is queried at once (kept until committed; a
   * swap discards it). Longer means fewer queries; pattern state read at query time (sliders)
   * takes effect up to this much later.
   */
  queryAheadSeconds: Seconds;
}

/**
 * Motif's live settings: a 10 ms tick (the timer's interval), a 30 ms committed horizon, 50 ms
 * from `start()` to cycle 0 (room for the first events' set-up), and layers queried 100 ms at a
 * time.
 * bench/scheduler.bench.ts measures what they give.
 */
export const DEFAULT_TICK_SECONDS: Seconds = 0.01;
export const DEFAULT_TIMING: SchedulerTiming = { lookAheadSeconds: 0.03, startDelaySeconds: 0.05, queryAheadSeconds: 0.1 };
export const DEFAULT_CPS: Cps = 0.5;

export interface SchedulerOptions {
  clock: Clock;
  timer: Timer;
  /** Receives every committed event, in onset order within a window. */
  output: (event: ScheduledEvent) => void;
  /** Errors raised while playing: a layer that failed to query, or an output that threw. Reported once each. */
  onError?: (error: MotifError) => void;
  timing?: Partial<SchedulerTiming>;
  cps?: Cps;
  /** Events per second a layer and all layers may play (`event-budget.ts`); default DEFAULT_EVENT_BUDGET. */
  budget?: EventBudget;
}

export type { Hap, Pattern };

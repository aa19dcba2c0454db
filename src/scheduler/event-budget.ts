/**
 * The load the scheduler may hand out (pure): a layer denser than its budget is thinned, evenly,
 * so that it cannot drown the audio thread and the other layers; and all layers together have a
 * budget too. Budgets are token buckets: a rate, and a burst that a chord or a downbeat on every
 * layer may use at once.
 */
import type { Hap } from '@strudel/core';
import type { Seconds } from './types.ts';

export interface EventBudget {
  /** Events per second one layer may play. */
  layerPerSecond: number;
  /** Events one layer may play at once (a chord, a fill). */
  layerBurst: number;
  /** Events per second all layers together may play. */
  totalPerSecond: number;
  /** Events all layers together may play at once. */
  totalBurst: number;
}

/** Roughly 32nd notes on 8 voices at 2 cps per layer; a 128-voice synth's worth in all. */
export const DEFAULT_EVENT_BUDGET: EventBudget = { layerPerSecond: 500, layerBurst: 64, totalPerSecond: 2000, totalBurst: 256 };

/** A token bucket: `rate` tokens a second, holding at most `burst`; starts full. */
export class RateBucket {
  private tokens: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** How many of `wanted` events a window of `seconds` may play; those are taken from the bucket. */
  take(wanted: number, seconds: Seconds): number {
    this.tokens = Math.min(this.burst, this.tokens + this.rate * seconds);
    const granted = Math.min(wanted, Math.floor(this.tokens));
    this.tokens -= granted;
    return granted;
  }
}

/** `haps` (in onset order) thinned to `keep`, evenly across the window. */
export function thin<T>(items: readonly T[], keep: number): T[] {
  if (items.length <= keep) return [...items];
  return Array.from({ length: keep }, (_, i) => items[Math.floor((i * items.length) / keep)]!);
}

/** Onset order, for thinning evenly in time. */
export function byOnset(haps: Hap[]): Hap[] {
  return [...haps].sort((a, b) => a.wholeOrPart().begin.valueOf() - b.wholeOrPart().begin.valueOf());
}

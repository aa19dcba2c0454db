/**
 * The one conversion between cycles and seconds: a straight line through an anchor point.
 * Changing the tempo re-anchors at a given cycle, so the cycle position stays continuous.
 */
import type { Cps, Cycles, Seconds } from './types.ts';

export interface TempoAnchor {
  readonly time: Seconds;
  readonly cycle: Cycles;
  readonly cps: Cps;
}

export function tempoAnchor(time: Seconds, cycle: Cycles, cps: Cps): TempoAnchor {
  if (!(cps > 0) || !Number.isFinite(cps)) throw new RangeError(`cps must be a positive number, got ${cps}`);
  return { time, cycle, cps };
}

export function cycleAt(anchor: TempoAnchor, time: Seconds): Cycles {
  return anchor.cycle + (time - anchor.time) * anchor.cps;
}

export function timeAt(anchor: TempoAnchor, cycle: Cycles): Seconds {
  return anchor.time + (cycle - anchor.cycle) / anchor.cps;
}

/** A new tempo from `cycle` on; times before it are unchanged. */
export function changeTempo(anchor: TempoAnchor, cycle: Cycles, cps: Cps): TempoAnchor {
  return tempoAnchor(timeAt(anchor, cycle), cycle, cps);
}

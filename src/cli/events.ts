/**
 * The events a command works on: every hap whose onset lies in [begin, end), per layer, in cycles
 * (exact fractions). Query errors become one user-facing line naming the layer.
 */
import { Fraction, State, TimeSpan, type FractionValue, type HapValue } from '@strudel/core';
import { HEADLESS_QUERY_DEADLINE_MS, withDeadline } from '../runtime/deadline.ts';
import type { Layer } from '../runtime/result.ts';
import { UserError } from './errors.ts';
import type { CycleSpan } from './span.ts';

export interface PatternEvent {
  begin: FractionValue;
  end: FractionValue;
  value: HapValue;
  /** Id of the layer the event came from (`main`, `$0`, `bass`, …). */
  layer: string;
}

/** The most events a command works on (a 1-hour render of 16 busy voices has about 110,000). */
export const MAX_EVENTS = 1_000_000;
/** Cycles queried at a time, so that the event budget is checked long before memory runs out. */
const CHUNK_CYCLES = 16;

export function queryEvents(name: string, layers: Layer[], span: CycleSpan): PatternEvent[] {
  const events: PatternEvent[] = [];
  for (const layer of layers) {
    for (let from = span.begin; from < span.end; from += CHUNK_CYCLES) {
      const to = Math.min(span.end, from + CHUNK_CYCLES);
      let haps;
      try {
        // `query`, not `queryArc`, which logs and swallows errors; user loops stop at the deadline.
        haps = withDeadline(HEADLESS_QUERY_DEADLINE_MS, () => layer.pattern.query(new State(new TimeSpan(Fraction(from), Fraction(to)))));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new UserError(`${name}:${layer.position.line}:${layer.position.column}: error while querying layer ${layer.id}: ${message}`);
      }
      for (const hap of haps) {
        if (!hap.whole || !hap.hasOnset()) continue;
        events.push({ begin: hap.whole.begin, end: hap.whole.end, value: hap.value, layer: layer.id });
      }
      if (events.length > MAX_EVENTS) {
        throw new UserError(`${name}: more than ${MAX_EVENTS} events by cycle ${to} (layer ${layer.id}); ask for fewer cycles than ${span.begin}:${span.end}`);
      }
    }
  }
  // Stable: events at the same time keep their layer order.
  return events.sort((a, b) => a.begin.valueOf() - b.begin.valueOf());
}

export function requireEvents(command: string, name: string, events: PatternEvent[], span: CycleSpan): PatternEvent[] {
  if (!events.length) throw new UserError(`motif ${command}: ${name === '-e' ? 'the code' : name} has no events in cycles ${span.begin} to ${span.end}`);
  return events;
}

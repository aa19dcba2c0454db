/**
 * The layers the scheduler plays, each with its last good version. A layer whose query throws
 * falls back to the version of the same id that played before (or to silence), and its error is
 * reported once per failing version, not once per tick.
 */
import { State, TimeSpan, type FractionValue, type Hap, type Pattern } from '@strudel/core';
import { TICK_QUERY_DEADLINE_MS, withDeadline } from '../runtime/deadline.ts';
import { explainLibraryError } from '../runtime/library-errors.ts';
import type { MotifError } from '../runtime/result.ts';
import type { RateBucket } from './event-budget.ts';
import type { Cycles, SchedulerLayer } from './types.ts';

export interface LayerSlot {
  layer: SchedulerLayer;
  /** The version to fall back to: the previous evaluation's pattern for this id, once it had played. */
  fallback: Pattern | null;
  /** True once `layer.pattern` has answered a query. */
  proven: boolean;
  /** True once `layer.pattern` has thrown; it is then no longer queried. */
  failed: boolean;
  /** True once the fallback has thrown too: the layer is silent until the next evaluation. */
  fallbackFailed: boolean;
  /** Onsets queried ahead and not yet taken, from `start` to `end` (cycles); see `takeOnsets`. */
  ahead: { start: Cycles; end: Cycles; haps: Hap[] } | null;
  /** The layer's event budget, carried over to the next version of the same id. */
  bucket: RateBucket | null;
}

/** Builds the slots for a new evaluation, carrying each id's last good version over. */
export function nextSlots(previous: readonly LayerSlot[], layers: readonly SchedulerLayer[]): LayerSlot[] {
  const byId = new Map(previous.map((slot) => [slot.layer.id, slot]));
  return layers.map((layer) => {
    const before = byId.get(layer.id);
    return { layer, fallback: before ? lastGood(before) : null, proven: false, failed: false, fallbackFailed: false, ahead: null, bucket: before?.bucket ?? null };
  });
}

function lastGood(slot: LayerSlot): Pattern | null {
  if (!slot.failed && slot.proven) return slot.layer.pattern;
  if (!slot.failed) return slot.fallback; // never answered yet: keep what was known to work
  return slot.fallbackFailed ? null : slot.fallback;
}

function queryError(slot: LayerSlot, error: unknown, fallingBack: boolean): MotifError {
  const message = explainLibraryError(error instanceof Error ? error.message : String(error));
  const { id, position } = slot.layer;
  const tail = fallingBack ? 'playing its previous version' : 'layer silenced';
  return { kind: 'query', message: `Layer ${id}: ${message} (${tail})`, line: position.line, column: position.column, layer: id };
}

/** Onset haps of one slot in [begin, end), with the fallback applied. Never throws. */
function queryOnsets(
  slot: LayerSlot,
  begin: Cycles,
  end: Cycles,
  report: (error: MotifError) => void,
): Hap[] {
  if (!slot.failed) {
    try {
      const haps = onsets(slot.layer.pattern, begin, end);
      slot.proven = true;
      return haps;
    } catch (error) {
      slot.failed = true;
      report(queryError(slot, error, slot.fallback !== null));
    }
  }
  if (slot.fallback === null || slot.fallbackFailed) return [];
  try {
    return onsets(slot.fallback, begin, end);
  } catch (error) {
    slot.fallbackFailed = true;
    report(queryError(slot, error, false));
    return [];
  }
}

/** Steps per cycle of the grid that query chunks end on (and the scheduler's retractions). */
export const GRID = 64;

/**
 * Onsets of one slot in [begin, end), queried at least `quantum` cycles at a time: the scheduler
 * commits short windows (a tick's worth), and a query costs much the same however short its
 * window, so a layer is queried about once per quantum instead of once per tick. What was queried
 * ahead is kept for the next windows; a window that does not follow on (a swap, a stall) starts
 * afresh. `phase` (0 to 1) lengthens a layer's first query by that share of a quantum, so that
 * layers started together are queried at different ticks. Never throws.
 */
export function takeOnsets(
  slot: LayerSlot,
  window: { begin: Cycles; end: Cycles; from: FractionValue; to: FractionValue },
  quantum: Cycles,
  phase: number,
  report: (error: MotifError) => void,
): Hap[] {
  const { begin, end, from, to: until } = window;
  const fresh = !slot.ahead || slot.ahead.start > begin || slot.ahead.end < begin;
  if (fresh) slot.ahead = { start: begin, end: begin, haps: [] };
  const ahead = slot.ahead!;
  if (ahead.end < end) {
    // Chunk ends on a 1/64-cycle grid: exact as floats and as fractions, so a query's end never
    // lands a rounding error away from an onset.
    // A quantum of 0 queries exactly each window, as the scheduler did before it queried ahead.
    const to = quantum > 0 ? Math.ceil(Math.max(end, ahead.end + quantum * (fresh ? 1 + phase : 1)) * GRID) / GRID : end;
    ahead.haps.push(...queryOnsets(slot, ahead.end, to, report));
    ahead.end = to;
  }
  // Compared as Strudel's queries compare them (window ends as fractions: `from`, `until`), so
  // that an onset on a boundary that a float misses by 1e-14 belongs to exactly one window.
  const taken = ahead.haps.filter((hap) => hap.wholeOrPart().begin.gte(from) && hap.wholeOrPart().begin.lt(until));
  ahead.haps = ahead.haps.filter((hap) => hap.wholeOrPart().begin.gte(until));
  ahead.start = end;
  return taken;
}

/**
 * Queries through `query`, not `queryArc`: Strudel's `queryArc` logs and swallows exceptions. A
 * user loop still running at the tick's deadline throws, and the layer falls back.
 */
function onsets(pattern: Pattern, begin: Cycles, end: Cycles): Hap[] {
  return withDeadline(TICK_QUERY_DEADLINE_MS, () => pattern.query(new State(new TimeSpan(begin, end))).filter((hap) => hap.hasOnset()));
}

/**
 * The layers the scheduler plays, each with its last good version. A layer whose query throws
 * falls back to the version of the same id that played before (or to silence), and its error is
 * reported once per failing version, not once per tick.
 */
import { State, TimeSpan, type Hap, type Pattern } from '@strudel/core';
import { TICK_QUERY_DEADLINE_MS, withDeadline } from '../runtime/deadline.ts';
import { explainLibraryError } from '../runtime/library-errors.ts';
import type { MotifError } from '../runtime/result.ts';
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
}

/** Builds the slots for a new evaluation, carrying each id's last good version over. */
export function nextSlots(previous: readonly LayerSlot[], layers: readonly SchedulerLayer[]): LayerSlot[] {
  const byId = new Map(previous.map((slot) => [slot.layer.id, slot]));
  return layers.map((layer) => {
    const before = byId.get(layer.id);
    return { layer, fallback: before ? lastGood(before) : null, proven: false, failed: false, fallbackFailed: false };
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
export function queryOnsets(
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

/**
 * Queries through `query`, not `queryArc`: Strudel's `queryArc` logs and swallows exceptions. A
 * user loop still running at the tick's deadline throws, and the layer falls back.
 */
function onsets(pattern: Pattern, begin: Cycles, end: Cycles): Hap[] {
  return withDeadline(TICK_QUERY_DEADLINE_MS, () => pattern.query(new State(new TimeSpan(begin, end))).filter((hap) => hap.hasOnset()));
}

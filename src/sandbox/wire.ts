/**
 * What crosses from the sandbox to the page: events, results and roll notes as plain data. Pure.
 */
import type { EvalResult } from '../runtime/result.ts';
import type { ScheduledEvent } from '../scheduler/types.ts';
import type { WireEvent, WireResult } from './protocol.ts';

const MAX_DEPTH = 8;

/**
 * A copy of a hap value that `postMessage` accepts: numbers, strings, booleans, arrays and plain
 * objects; a number-like object (Strudel's fractions) becomes its number; functions, symbols and
 * anything nested deeper than 8 levels are left out.
 */
export function plainValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => plainValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype !== Object.prototype && prototype !== null) {
    const number = Number(value);
    return Number.isNaN(number) ? undefined : number;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = plainValue(item, depth + 1);
    if (plain !== undefined) copy[key] = plain;
  }
  return copy;
}

function locationsOf(context: unknown): WireEvent['locations'] {
  const locations = (context as { locations?: unknown } | undefined)?.locations;
  if (!Array.isArray(locations)) return [];
  return locations
    .filter((range): range is { start: number; end: number } => typeof range?.start === 'number' && typeof range?.end === 'number')
    .map(({ start, end }) => ({ start, end }));
}

export function wireEvent(event: ScheduledEvent): WireEvent {
  return {
    value: plainValue(event.hap.value),
    locations: locationsOf(event.hap.context),
    audioTime: event.audioTime,
    durationSeconds: event.durationSeconds,
    layer: event.layer,
    cps: event.cps,
    cycle: event.cycle,
  };
}

export function wireResult(result: EvalResult): WireResult {
  return {
    layers: result.layers.map(({ id, position }) => ({ id, position })),
    miniLocations: result.miniLocations,
    cps: result.cps,
    errors: result.errors,
    warnings: result.warnings,
    sliders: result.sliders,
  };
}

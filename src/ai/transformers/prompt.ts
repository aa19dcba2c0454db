/**
 * Reading a prompt from a source pattern (pure): its period, its events over the prompt cycles,
 * their pitches and their notes on the step grid.
 */
import { noteToMidi, type Hap, type HapValue, type Pattern } from '@strudel/core';
import type { MelodyNote } from '../encodings/melody.ts';

/** The longest period `detectPeriod` looks for, in cycles. */
export const MAX_PERIOD = 16;

/** Events that start in [begin, end), in onset order (continuous events, without onsets, skipped). */
export function onsetHaps(source: Pattern, begin: number, end: number): Hap[] {
  return source
    .queryArc(begin, end)
    .filter((hap) => hap.whole !== undefined && hap.hasOnset())
    .sort((a, b) => a.whole!.begin.valueOf() - b.whole!.begin.valueOf() || a.whole!.end.valueOf() - b.whole!.end.valueOf());
}

function stableJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`).join(',')}}`;
}

/**
 * The smallest number of cycles p ≤ `max` after which the source repeats: cycles p … max-1 hold
 * the same events (relative to their cycle) as cycles 0 … max-1-p. Sources that do not repeat
 * within `max` cycles get `max`.
 */
export function detectPeriod(source: Pattern, max = MAX_PERIOD): number {
  const cycles: string[][] = Array.from({ length: max }, () => []);
  for (const hap of onsetHaps(source, 0, max)) {
    const begin = hap.whole!.begin;
    const cycle = Math.floor(begin.valueOf());
    const start = begin.sub(cycle).toFraction();
    const end = hap.whole!.end.sub(cycle).toFraction();
    cycles[cycle]?.push(`${start}|${end}|${stableJson(hap.value)}`);
  }
  const signatures = cycles.map((events) => events.sort().join('\n'));
  for (let period = 1; period < max; period++) {
    let repeats = true;
    for (let i = 0; i + period < max && repeats; i++) repeats = signatures[i] === signatures[i + period];
    if (repeats) return period;
  }
  return max;
}

/** Value keys that carry pitch; every other key is a control that generated notes inherit. */
export const PITCH_KEYS: ReadonlySet<string> = new Set(['note', 'n', 'freq', 'midinote']);

function pitchOfScalar(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value === 'string') {
    if (/^-?\d+(\.\d+)?$/.test(value)) return Math.round(Number(value));
    try {
      const midi = noteToMidi(value);
      return Number.isFinite(midi) ? Math.round(midi) : null;
    } catch {
      return null; // not a note name: unpitched
    }
  }
  return null;
}

/**
 * The MIDI pitch of an event value: `note` (a number or a name like "c4"), `freq` (Hz), or a bare
 * number or note name. `n` alone is a sample index, not a pitch. Null when unpitched.
 */
export function pitchOf(value: HapValue): number | null {
  if (typeof value !== 'object' || value === null) return pitchOfScalar(value);
  const record = value as Record<string, unknown>;
  if (record.note !== undefined) return pitchOfScalar(record.note);
  if (typeof record.freq === 'number' && record.freq > 0) return Math.round(69 + 12 * Math.log2(record.freq / 440));
  if (typeof record.midinote === 'number') return Math.round(record.midinote);
  return null;
}

/** The controls of an event value: everything but its pitch. */
export function controlsOf(value: HapValue): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([key]) => !PITCH_KEYS.has(key)));
}

/**
 * The scale that Strudel's `.scale()` gave every pitched event of the prompt (it tags each event's
 * context), when they share one: `n("0 2 4").scale("C:minor")` → "C:minor". Null otherwise.
 */
export function promptScale(haps: readonly Hap[]): string | null {
  let found: string | null = null;
  for (const hap of haps) {
    if (pitchOf(hap.value) === null) continue;
    const scale = (hap.context as { scale?: unknown } | undefined)?.scale;
    if (typeof scale !== 'string' || (found !== null && scale !== found)) return null;
    found = scale;
  }
  return found;
}

/** How the source writes pitches: note names (lower or upper case) or MIDI numbers. */
export type PitchSpelling = 'numbers' | 'lower' | 'upper';

/** The spelling of the source's first pitched event that has a `note`; numbers when none does. */
export function pitchSpelling(haps: readonly Hap[]): PitchSpelling {
  for (const hap of haps) {
    const note = typeof hap.value === 'object' && hap.value !== null ? (hap.value as Record<string, unknown>).note : hap.value;
    if (typeof note === 'number') return 'numbers';
    if (typeof note === 'string' && pitchOfScalar(note) !== null) {
      if (/^-?\d/.test(note)) return 'numbers';
      return note[0] === note[0]!.toLowerCase() ? 'lower' : 'upper';
    }
  }
  return 'numbers';
}

/** Pitched events as grid notes (steps counted from cycle 0); notes shorter than a step last one step. */
export function hapsToNotes(haps: Hap[], stepsPerCycle: number): MelodyNote[] {
  const notes: MelodyNote[] = [];
  for (const hap of haps) {
    const pitch = pitchOf(hap.value);
    if (pitch === null) continue;
    const startStep = Math.round(hap.whole!.begin.valueOf() * stepsPerCycle);
    const endStep = Math.max(startStep + 1, Math.round(hap.whole!.end.valueOf() * stepsPerCycle));
    notes.push({ pitch, startStep, endStep });
  }
  return notes;
}

/**
 * Event lists for comparing AI transformers' patterns in tests: onset events with pitches as MIDI
 * numbers ("e4" and 64 are the same note), controls in a fixed key order, in a stable order.
 */
import type { Hap, Pattern } from '@strudel/core';
import { pitchOf } from '../src/ai/transformers/prompt.ts';

export interface OnsetEvent {
  begin: number;
  end: number;
  /** The hap's value as JSON, keys sorted, `note` as a MIDI number. */
  value: string;
}

export function onsetEvents(pattern: Pattern | null, begin: number, end: number): OnsetEvent[] {
  if (!pattern) throw new Error('no pattern');
  return pattern
    .queryArc(begin, end)
    .filter((hap: Hap) => hap.hasOnset())
    .map((hap: Hap) => {
      const value = { ...(hap.value as Record<string, unknown>), note: pitchOf(hap.value) };
      return { begin: hap.whole!.begin.valueOf(), end: hap.whole!.end.valueOf(), value: JSON.stringify(value, Object.keys(value).sort()) };
    })
    .sort((a, b) => a.begin - b.begin || a.end - b.end || a.value.localeCompare(b.value));
}

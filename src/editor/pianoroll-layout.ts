/**
 * Where a pianoroll draws each event: pure layout from events (in cycles) to rows and x positions.
 * Pitched events sit on MIDI rows; unpitched ones (drums) get one lane per sound name below them.
 */
import { noteToMidi, type Hap } from '@strudel/core';

export interface RollNote {
  begin: number;
  end: number;
  /** A MIDI pitch, or null for an unpitched event. */
  midi: number | null;
  sound: string;
  layer: number;
}

function pitchOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const note = record.note ?? (typeof record.n === 'number' && record.s === undefined ? record.n : undefined);
  if (typeof note === 'number') return note;
  if (typeof note === 'string') {
    try {
      return noteToMidi(note);
    } catch {
      return null; // not a note name: drawn as an unpitched event
    }
  }
  if (typeof record.freq === 'number' && record.freq > 0) return 69 + 12 * Math.log2(record.freq / 440);
  return null;
}

export function rollNote(hap: Hap, layer: number): RollNote | null {
  const whole = hap.whole;
  if (!whole) return null;
  const value = hap.value as unknown;
  const sound = typeof value === 'object' && value !== null ? String((value as Record<string, unknown>).s ?? '') : '';
  return { begin: whole.begin.valueOf(), end: whole.end.valueOf(), midi: pitchOf(value), sound, layer };
}

/** Vertical placement as fractions of the height: `top` and `height` of a note's bar. */
export interface RollPlacement {
  top: number;
  height: number;
}

/**
 * Pitched notes share the upper part by pitch (highest on top); unpitched sounds get one lane
 * each in a band at the bottom (a quarter of the height, or all of it without pitched notes).
 */
export function rollPlacer(notes: readonly RollNote[]): (note: RollNote) => RollPlacement {
  const pitches = notes.map((n) => n.midi).filter((m): m is number => m !== null);
  const lanes = [...new Set(notes.filter((n) => n.midi === null).map((n) => n.sound))].sort();
  const low = pitches.length ? Math.floor(Math.min(...pitches)) - 1 : 0;
  const high = pitches.length ? Math.ceil(Math.max(...pitches)) + 1 : 0;
  const rows = Math.max(high - low + 1, 12);
  const drumBand = lanes.length ? (pitches.length ? 0.25 : 1) : 0;
  const pitchBand = 1 - drumBand;
  return (note) => {
    if (note.midi !== null) return { top: ((high - note.midi) / rows) * pitchBand, height: pitchBand / rows };
    const lane = Math.max(0, lanes.indexOf(note.sound));
    const laneHeight = drumBand / lanes.length;
    return { top: pitchBand + lane * laneHeight, height: laneHeight };
  };
}

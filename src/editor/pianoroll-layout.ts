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

export interface RollRows {
  /** Row index from the top for a note; rows count pitched rows first, then drum lanes. */
  rowOf(note: RollNote): number;
  count: number;
}

export function rollRows(notes: readonly RollNote[]): RollRows {
  const pitches = notes.map((n) => n.midi).filter((m): m is number => m !== null);
  const sounds = [...new Set(notes.filter((n) => n.midi === null).map((n) => n.sound))].sort();
  const low = pitches.length ? Math.floor(Math.min(...pitches)) - 1 : 0;
  const high = pitches.length ? Math.ceil(Math.max(...pitches)) + 1 : -1;
  const pitchedRows = pitches.length ? high - low + 1 : 0;
  return {
    count: pitchedRows + sounds.length,
    rowOf: (note) => (note.midi !== null ? high - Math.round(note.midi) : pitchedRows + sounds.indexOf(note.sound)),
  };
}

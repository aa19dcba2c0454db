/** The frequency a note value asks for: `freq`, else `note` (name or MIDI number), else `n`. */
import { noteNameToKey } from '../../midi-file/pitch.ts';

export function keyFrequency(key: number): number {
  return 440 * 2 ** ((key - 69) / 12);
}

export function noteFrequency(value: Record<string, unknown>): number | null {
  if (typeof value.freq === 'number') return value.freq;
  const note = value.note ?? value.n;
  if (typeof note === 'number') return keyFrequency(note);
  if (typeof note === 'string') {
    const key = noteNameToKey(note);
    return key === null ? null : keyFrequency(key);
  }
  return keyFrequency(36); // superdough's default pitch for synths without note
}

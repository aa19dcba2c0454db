/** Note names and MIDI key numbers (C4 = 60, as in Strudel). */
const LETTERS: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };
const NAMES = ['c', 'c#', 'd', 'd#', 'e', 'f', 'f#', 'g', 'g#', 'a', 'a#', 'b'];

/**
 * MIDI key of a note name such as `c4`, `C#3`, `eb2`, `fs5`, `a` (octave 3 when absent, as in
 * Strudel), or null when the text is not a note name.
 */
export function noteNameToKey(name: string): number | null {
  const match = /^([a-gA-G])([#sbf]*)(-?\d+)?$/.exec(name.trim());
  if (!match) return null;
  let key = LETTERS[match[1]!.toLowerCase()]!;
  for (const accidental of match[2]!) key += accidental === '#' || accidental === 's' ? 1 : -1;
  const octave = match[3] === undefined ? 3 : Number(match[3]);
  return key + (octave + 1) * 12;
}

/** `60` → `c4`, `61` → `c#4`. */
export function keyToNoteName(key: number): string {
  return `${NAMES[((key % 12) + 12) % 12]}${Math.floor(key / 12) - 1}`;
}

export function frequencyToKey(hertz: number): number {
  return Math.round(69 + 12 * Math.log2(hertz / 440));
}

/**
 * @title Chord progressions
 * @tags harmony, chords, jazz, pop
 * @licence AGPL-3.0-or-later
 *
 * Chord progressions as chord symbols, one chord per cycle, and voiced as pads.
 */

/** ii–V–I in C, then the turnaround. */
export const twoFiveOne: StringPattern = "<Dm7 G7 C^7 A7>";

/** The pop axis: I–V–vi–IV in C. */
export const axis: StringPattern = "<C G Am F>";

/** The Andalusian cadence: i–VII–VI–V in A minor. */
export const andalusian: StringPattern = "<Am G F E>";

/** Twelve-bar blues in F, two chords per line of four. */
export const blues: StringPattern = "<F7 Bb7 F7 F7 Bb7 Bb7 F7 F7 C7 Bb7 F7 C7>";

/** Voices a progression as a soft pad. */
export function pad(progression: StringPattern): Pattern {
  return chord(progression).voicing().s("triangle").attack(0.2).release(0.5).gain(0.5);
}

/** The ii–V–I, voiced. */
export const jazzPad: Pattern = pad(twoFiveOne).room(0.4);

/**
 * @title Bass lines
 * @tags bass, acid, house, jazz
 * @licence AGPL-3.0-or-later
 *
 * Bass lines, some following the progressions in patterns/progressions.
 */
import { twoFiveOne } from "patterns/progressions";

/** Root notes of the ii–V–I, walking up in quarters: chord tones by scale degree. */
export const walkingBass: Pattern = n("0 2 4 5")
  .scale("<D2:dorian G2:mixolydian C2:major A2:mixolydian>")
  .s("sawtooth")
  .lpf(700)
  .clip(0.9);

/** A squelchy acid line: sixteenths in C minor with a moving filter. */
export const acid: Pattern = n("0 0 7 0 [3 5] 0 10 7")
  .fast(2)
  .scale("C2:minor")
  .s("sawtooth")
  .lpf(sine.range(300, 2400).slow(4))
  .lpq(12)
  .sometimesBy(0.25, x => x.add(note(12)));

/** Octave-jumping house bass under the axis progression. */
export const octaves: Pattern = note("<c2 g1 a1 f1>")
  .struct("~ x ~ x")
  .add(note("<0 12>*4"))
  .s("square")
  .lpf(900);

/** The roots of the ii–V–I, voiced low: one chord root per cycle. */
export const roots: Pattern = chord(twoFiveOne).rootNotes(2).s("sine");

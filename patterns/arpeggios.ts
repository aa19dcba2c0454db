/**
 * @title Arpeggios
 * @tags melody, arpeggio, harmony
 * @licence AGPL-3.0-or-later
 *
 * Broken chords over the progressions.
 */
import { axis } from "patterns/progressions";

/** Up and down through the axis progression's chords, eighth notes. */
export const upDown: Pattern = n("0 1 2 3 4 3 2 1")
  .chord(axis)
  .voicing()
  .s("triangle")
  .clip(0.5);

/** Up-arpeggio of a minor seventh chord, each cycle one scale step higher. */
export const climbing: Pattern = n("0 2 4 6")
  .fast(2)
  .scale("A3:minor")
  .scaleTranspose("<0 1 2 3>")
  .s("sawtooth")
  .lpf(1800)
  .clip(0.4);

/** An echoing arpeggio: each note is answered an eighth later, a fifth up. */
export const echoes: Pattern = n("0 2 4 7")
  .scale("E3:minor pentatonic")
  .off(0.125, x => x.add(n(4)))
  .s("sine")
  .gain(0.7);

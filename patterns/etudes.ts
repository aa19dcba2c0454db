/**
 * @title Generative études
 * @tags generative, ambient, random, signals
 * @licence AGPL-3.0-or-later
 *
 * Pieces that keep changing: signals and seeded randomness choose the notes.
 * The same cycle always gives the same notes.
 */

/** Notes picked from a scale by a slow sine, with random rests. */
export const tides: Pattern = n(sine.range(0, 10).segment(8).slow(2))
  .scale("<C3:lydian A2:aeolian>")
  .degradeBy(0.3)
  .s("sine")
  .room(0.6)
  .release(0.8);

/** Random scale degrees, re-rolled every cycle, with occasional octave leaps. */
export const wander: Pattern = n(irand(8).segment(8))
  .scale("D3:dorian")
  .sometimesBy(0.2, x => x.add(n(7)))
  .s("triangle")
  .pan(perlin.range(0.2, 0.8));

/** A texture that slowly thickens and thins: Perlin noise decides what plays. */
export const breathing: Pattern = note("c4 e4 g4 b4 d5 f#5")
  .fast(2)
  .mask(perlin.range(0, 2).segment(12).fmap((v: number) => (v > 1 ? 1 : 0)))
  .s("sine")
  .gain(0.5);

/**
 * @title Melodies
 * @tags melody, lead, modal
 * @licence AGPL-3.0-or-later
 *
 * Short melodies to transform, continue or harmonize.
 */

/** A dorian hook in two cycles. */
export const hook: Pattern = note("<[d4 f4 a4 c5] [b4 a4 ~ f4]>").s("sawtooth").lpf(2000).clip(0.8);

/** A pentatonic call and a lower response. */
export const callAndResponse: Pattern = cat(
  n("0 2 4 [7 4]").scale("C4:major pentatonic"),
  n("4 2 [1 0] ~").scale("C3:major pentatonic"),
).s("triangle");

/** A slow lyrical line: long notes with a passing note. */
export const lyrical: Pattern = note("<e4 [d4 c4] a3 [b3 ~]>").s("sine").attack(0.05).release(0.6).room(0.5);

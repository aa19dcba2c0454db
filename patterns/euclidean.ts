/**
 * @title Euclidean rhythms
 * @tags rhythm, euclidean, world, generative
 * @licence AGPL-3.0-or-later
 *
 * Rhythms that spread onsets evenly over a cycle (Toussaint's Euclidean rhythms).
 */

/** The tresillo, 3 in 8, with a cowbell at 5 in 8. */
export const tresillo: Pattern = stack(s("bd").euclid(3, 8), s("cb").euclid(5, 8).gain(0.6));

/** Euclidean rhythms whose pulse counts change each cycle. */
export const shifting: Pattern = s("rim").euclid("<3 5 7 5>", 16).gain(0.8);

/** A rotated bell pattern under a straight kick. */
export const bembe: Pattern = stack(s("bd*4"), s("cb").euclidRot(7, 12, 2));

/**
 * @title Hats and percussion
 * @tags drums, hats, percussion, generative
 * @licence AGPL-3.0-or-later
 *
 * Hi-hat and percussion layers that change from cycle to cycle.
 */

/** Sixteenth hats with random velocity and the odd open hat. */
export const restlessHats: Pattern = s("hh*16")
  .gain(rand.range(0.4, 0.9))
  .sometimesBy(0.15, x => x.s("oh"));

/** Hats that thin out at random, differently every cycle. */
export const sparseHats: Pattern = s("hh*16").degradeBy(0.5).pan(sine.range(0.2, 0.8));

/** A shaker that speeds up every fourth cycle. */
export const shaker: Pattern = s("sh*8").every(4, x => x.fast(2)).gain(0.6);

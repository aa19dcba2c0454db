/**
 * @title Polyrhythms
 * @tags rhythm, polyrhythm, polymeter
 * @licence AGPL-3.0-or-later
 *
 * Layers with different divisions of the cycle.
 */

/** Three against four against five. */
export const threeFourFive: Pattern = stack(s("bd*3"), s("hh*4").gain(0.6), note("c5*5").s("sine").gain(0.4));

/** A five-note line over a four-beat cycle: the melody drifts against the beat. */
export const drift: Pattern = stack(s("bd*4"), n("{0 2 4 5 7}%4").scale("D4:minor").s("triangle"));

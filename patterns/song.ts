/**
 * @title A small song
 * @tags arrangement, house, example
 * @licence AGPL-3.0-or-later
 *
 * Puts the library together: drums, bass and chords from the other pattern modules.
 */
import { groove } from "patterns/grooves";
import { octaves } from "patterns/bass";
import { axis, pad } from "patterns/progressions";

/** Drums, bass and pad together, the pad filtered in over four cycles. */
export const song: Pattern = stack(
  groove,
  octaves.gain(0.8),
  pad(axis).lpf(saw.range(400, 3000).slow(4)),
);

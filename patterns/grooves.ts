/**
 * @title Grooves
 * @tags drums, house, breakbeat, hip-hop
 * @licence AGPL-3.0-or-later
 *
 * Drum grooves to build on. Import one and transform it:
 * `import { groove } from "patterns/grooves"` then `$: groove.every(4, x => x.fast(2))`.
 */

/** Four on the floor: kick on every beat, clap on two and four, open hats off the beat. */
export const groove: Pattern = stack(
  s("bd*4"),
  s("~ cp ~ cp"),
  s("[~ hh]*4").gain(0.7),
).bank("RolandTR909");

/** A broken breakbeat with a ghost snare. */
export const breakbeat: Pattern = stack(
  s("bd ~ ~ bd ~ ~ bd ~, ~ ~ sd ~ ~ [~ sd:1] sd ~"),
  s("hh*8").gain("0.8 0.5"),
);

/** Half-time: the snare on three, the hats in triplets. */
export const halftime: Pattern = stack(s("bd ~ ~ ~ ~ ~ [~ bd] ~"), s("~ ~ sd ~"), s("hh*12").gain(0.5));

/** A boom-bap groove that swings its hats. */
export const boomBap: Pattern = stack(
  s("bd ~ [~ bd] ~, ~ sd ~ sd"),
  s("hh*8").late("[0 0.02]*4").gain("[0.9 0.6]*4"),
).slow(1);

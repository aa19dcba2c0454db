/**
 * Fits how continuations restate their prompt on the TRAINING split: prompts of `--bars` bars (the
 * tune's first bars) and the real next 4 bars, as the eval takes them on the test split.
 * - 4-bar prompts: phrase-level restatement (src/ai/melody/restate.ts, RESTATE_PROBABILITY);
 * - 1- and 2-bar prompts: how often a bar takes the rhythm of the prompt bar at its phrase position,
 *   or is a diatonic sequence step of it (src/ai/melody/decode.ts, SHORT_PROMPT_VARIATION).
 *
 *   node --import ./src/node/register.mjs --import tsx scripts/fit-restate.ts --data ../shared/data/nottingham/MIDI [--bars 1]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/ai/data/corpus.ts';
import { readSpec } from '../src/ai/melody/config.ts';
import { estimatePromptKey } from '../src/ai/melody/key.ts';
import { fitRestatement, fitVariation } from '../src/ai/melody/restate.ts';

const { values: args } = parseArgs({
  options: { data: { type: 'string' }, model: { type: 'string', default: 'models/melody' }, bars: { type: 'string', default: '4' } },
});
if (args.data === undefined) {
  console.error('usage: scripts/fit-restate.ts --data <folder of .mid files>');
  process.exit(2);
}
const spec = readSpec(JSON.parse(readFileSync(join(resolve(args.model), 'config.json'), 'utf8')));
let folder = resolve(args.data);
if (existsSync(join(folder, 'MIDI'))) folder = join(folder, 'MIDI');
const bars = Number(args.bars);
const train = loadCorpus(folder, spec, { stepsPerQuarter: spec.stepsPerQuarter }).filter((t) => t.split === 'train');
const pairs = train.flatMap((tune) => {
  const length = bars * tune.stepsPerBar;
  const after = 4 * tune.stepsPerBar;
  if (tune.events.length < length + after) return [];
  const prompt = tune.events.slice(0, length);
  if (!prompt.some((e) => e >= 2)) return [];
  const scale = estimatePromptKey(tune.notes).pitchClasses;
  return [{ prompt, continuation: tune.events.slice(length, length + after), stepsPerBar: tune.stepsPerBar, scale }];
});
const figures = bars >= 4 ? fitRestatement(pairs) : fitVariation(pairs, spec);
console.log(JSON.stringify({ split: 'train', tunes: train.length, promptBars: bars, prompts: pairs.length, ...figures }));

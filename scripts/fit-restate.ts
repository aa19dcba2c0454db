/**
 * Fits phrase-level restatement (src/ai/melody/restate.ts) on the TRAINING split: 4-bar prompts
 * (the tune's first bars) and the real next 4 bars, as the eval takes them on the test split.
 *
 *   node --import ./src/node/register.mjs --import tsx scripts/fit-restate.ts --data ../shared/data/nottingham/MIDI
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/ai/data/corpus.ts';
import { readSpec } from '../src/ai/melody/config.ts';
import { fitRestatement } from '../src/ai/melody/restate.ts';

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
  if (tune.events.length < 2 * length) return [];
  const prompt = tune.events.slice(0, length);
  if (!prompt.some((e) => e >= 2)) return [];
  return [{ prompt, continuation: tune.events.slice(length, 2 * length), stepsPerBar: tune.stepsPerBar }];
});
console.log(JSON.stringify({ split: 'train', tunes: train.length, promptBars: bars, prompts: pairs.length, ...fitRestatement(pairs) }));

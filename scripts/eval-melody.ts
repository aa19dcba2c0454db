/**
 * Evaluates the melody model on the TEST split and prints its figures, ending with one JSON line.
 *
 *   npm run eval:melody -- --data ../shared/data/nottingham/MIDI [--model models/melody] [--seeds 1,2,3]
 *
 * - NLL per step (nats) and next-step accuracy on MelodyRNN events (16th grid), beside a smoothed
 *   trigram floor trained on the training split (its smoothing tuned on valid);
 * - 4-bar continuations of 4-bar prompts (temperature 1.0, fixed seeds) vs the real continuation
 *   vs repeating the prompt: in-scale ratio (prompt's key), note-density ratio, pitch range, and
 *   the rate of bars copied (transposed copies count) from the prompt.
 *   Model continuations restate prompt bars as `.continue()` does (src/ai/melody/restate.ts,
 *   fitted on the training split); `--restate off` samples every bar from the LSTM.
 * - Short prompts as `.continue()` gets them live: the first 1, 2 and 4 bars of each test tune,
 *   continued by 4 bars (same seeds), decoded exactly as `.continue()` decodes: the share of
 *   bars copying a prompt bar exactly and transposed, of bars with the rhythm of the prompt bar
 *   at their phrase position, the in-scale rate against the tune's key (estimated on the whole
 *   tune), and the note-density ratio (continuation / prompt, per bar); the real continuation
 *   beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eventDepth, eventsToNotes, type PitchRange } from '../src/ai/encodings/melody.ts';
import { loadCorpus, type Tune } from '../src/ai/data/corpus.ts';
import { loadWeights, type CheckpointSource } from '../src/ai/melody/checkpoint.ts';
import { rhythmOf } from '../src/ai/melody/bars.ts';
import { barCopyKind, copiedBarRate, estimateKey, inScaleRatio, pitchRange, splitBars } from '../src/ai/melody/continuation-metrics.ts';
import { estimatePromptKey } from '../src/ai/melody/key.ts';
import { disposeParams } from '../src/ai/melody/lstm.ts';
import { loadMelodyModel } from '../src/ai/melody/model.ts';
import { sequenceNll } from '../src/ai/melody/nll.ts';
import { tunedTrigram } from '../src/ai/melody/ngram.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string', default: 'models/melody' },
    seeds: { type: 'string', default: '1,2,3' },
    bars: { type: 'string', default: '4' },
    temperature: { type: 'string', default: '1.0' },
    // 'off' samples every bar from the LSTM (no phrase-level restatement).
    restate: { type: 'string', default: 'on' },
  },
});
if (args.data === undefined) {
  console.error('usage: npm run eval:melody -- --data <folder of .mid files> [--model models/melody]');
  process.exit(2);
}
const say = (message: string): void => void process.stderr.write(`${message}\n`);

const backend = await setupNodeBackend();
const modelFolder = resolve(args.model);
const source: CheckpointSource = { kind: 'files', read: async (p) => readFileSync(join(modelFolder, p)) };
const weights = await loadWeights(source);
const { config } = weights;
const range: PitchRange = config;
let dataFolder = resolve(args.data);
if (existsSync(join(dataFolder, 'MIDI'))) dataFolder = join(dataFolder, 'MIDI');
const tunes = loadCorpus(dataFolder, range, { stepsPerQuarter: config.stepsPerQuarter });
const bySplit = (s: Tune['split']): Tune[] => tunes.filter((t) => t.split === s);
const [train, valid, test] = [bySplit('train'), bySplit('valid'), bySplit('test')];
say(`backend ${backend.backend}; model ${JSON.stringify(config)} sha256 ${weights.weightsHash.slice(0, 16)}…`);
say(`${train.length} train / ${valid.length} valid / ${test.length} test tunes`);

// ---- likelihood ----
const started = Date.now();
const lstm = sequenceNll(weights.params, test.map((t) => t.events), { batchSize: 32 });
disposeParams(weights.params);
const trigram = tunedTrigram(eventDepth(range), train.map((t) => t.events), valid.map((t) => t.events));
const tri = trigram.score(test.map((t) => t.events));
const likelihood = {
  steps: lstm.steps,
  model: { nllPerStep: lstm.totalNll / lstm.steps, accuracy: lstm.correct / lstm.steps },
  trigram: { nllPerStep: tri.totalNll / tri.steps, accuracy: tri.correct / tri.steps, alpha: trigram.alpha },
};
say(`test NLL: model ${likelihood.model.nllPerStep.toFixed(4)} nats/step (acc ${likelihood.model.accuracy.toFixed(3)}), ` +
  `trigram ${likelihood.trigram.nllPerStep.toFixed(4)} (acc ${likelihood.trigram.accuracy.toFixed(3)}, alpha ${trigram.alpha}) over ${lstm.steps} steps [${((Date.now() - started) / 1000).toFixed(0)} s]`);

// ---- continuations ----
interface Figures {
  inScale: number[];
  densityRatio: number[];
  pitchRange: number[];
  copiedBars: number[];
}
const empty = (): Figures => ({ inScale: [], densityRatio: [], pitchRange: [], copiedBars: [] });
const figures = { model: empty(), real: empty(), repeat: empty() };
const seeds = args.seeds.split(',').map(Number);
const bars = Number(args.bars);
const temperature = Number(args.temperature);
const restate = args.restate !== 'off';
const model = await loadMelodyModel(source);

function record(into: Figures, prompt: number[], continuation: number[], stepsPerBar: number): void {
  const promptNotes = eventsToNotes(prompt, range);
  const notes = eventsToNotes(continuation, range);
  const key = estimateKey(promptNotes);
  const inScale = inScaleRatio(notes, key.scale);
  if (inScale !== null) into.inScale.push(inScale);
  if (promptNotes.length > 0) into.densityRatio.push(notes.length / promptNotes.length);
  into.pitchRange.push(pitchRange(notes));
  const copied = copiedBarRate(prompt, continuation, stepsPerBar);
  if (copied !== null) into.copiedBars.push(copied);
}

const mean = (xs: number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number): number => Math.round(x * 10000) / 10000;

let prompts = 0;
const genStarted = Date.now();
for (const tune of test) {
  const length = bars * tune.stepsPerBar;
  if (tune.events.length < 2 * length) continue;
  const prompt = tune.events.slice(0, length);
  if (!prompt.some((e) => e >= 2)) continue;
  prompts++;
  record(figures.real, prompt, tune.events.slice(length, 2 * length), tune.stepsPerBar);
  record(figures.repeat, prompt, prompt, tune.stepsPerBar);
  for (const seed of seeds) {
    const continuation = model.generate(prompt, { steps: length, temperature, seed, ...(restate ? { stepsPerBar: tune.stepsPerBar } : {}) });
    record(figures.model, prompt, continuation, tune.stepsPerBar);
  }
}

// ---- short prompts: 1, 2 and 4 bars, continued by 4 ----
interface ShortFigures {
  bars: number;
  exact: number;
  transposed: number;
  sameRhythm: number;
  notes: number;
  inScale: number;
  density: number[];
}
const emptyShort = (): ShortFigures => ({ bars: 0, exact: 0, transposed: 0, sameRhythm: 0, notes: 0, inScale: 0, density: [] });
function recordShort(into: ShortFigures, prompt: number[], continuation: number[], stepsPerBar: number, scale: Set<number>): void {
  const promptBars = splitBars(prompt, stepsPerBar);
  splitBars(continuation, stepsPerBar).forEach((bar, j) => {
    into.bars++;
    const kind = barCopyKind(promptBars, bar);
    if (kind === 'exact') into.exact++;
    if (kind === 'transposed') into.transposed++;
    const source = promptBars[j % promptBars.length]!;
    if (bar.some((e) => e >= 2) && rhythmOf(source).every((e, i) => e === rhythmOf(bar)[i])) into.sameRhythm++;
  });
  const notes = eventsToNotes(continuation, range);
  into.notes += notes.length;
  into.inScale += notes.filter((n) => scale.has(n.pitch % 12)).length;
  const promptNotes = eventsToNotes(prompt, range).length;
  if (promptNotes > 0) into.density.push(notes.length / (continuation.length / stepsPerBar) / (promptNotes / promptBars.length));
}
const shortStarted = Date.now();
const shortPrompts: Record<string, { prompts: number; model: Record<string, number>; real: Record<string, number> }> = {};
for (const promptBars of [1, 2, 4]) {
  const f = { model: emptyShort(), real: emptyShort() };
  let count = 0;
  for (const tune of test) {
    const length = promptBars * tune.stepsPerBar;
    const after = 4 * tune.stepsPerBar;
    if (tune.events.length < length + after) continue;
    const prompt = tune.events.slice(0, length);
    if (!prompt.some((e) => e >= 2)) continue;
    count++;
    const scale = new Set(estimatePromptKey(tune.notes).pitchClasses);
    recordShort(f.real, prompt, tune.events.slice(length, length + after), tune.stepsPerBar, scale);
    for (const seed of seeds) {
      const continuation = model.generate(prompt, { steps: after, temperature, seed, stepsPerBar: tune.stepsPerBar });
      recordShort(f.model, prompt, continuation, tune.stepsPerBar, scale);
    }
  }
  const share = (x: ShortFigures) => ({
    bars: x.bars,
    exactCopyRate: round(x.exact / x.bars),
    transposedCopyRate: round(x.transposed / x.bars),
    sameRhythmRate: round(x.sameRhythm / x.bars),
    inScaleRate: round(x.inScale / x.notes),
    densityRatioMedian: round(median(x.density)),
  });
  shortPrompts[`${promptBars}bar`] = { prompts: count, model: share(f.model), real: share(f.real) };
  say(`  ${promptBars}-bar prompts (${count}): model ${JSON.stringify(shortPrompts[`${promptBars}bar`]!.model)}`);
  say(`  ${' '.repeat(String(promptBars).length)}              real  ${JSON.stringify(shortPrompts[`${promptBars}bar`]!.real)}`);
}
say(`short prompts [${((Date.now() - shortStarted) / 1000).toFixed(0)} s]`);
model.dispose();
const summarise = (f: Figures): Record<string, number> => ({
  inScaleRatio: round(mean(f.inScale)),
  densityRatioMedian: round(median(f.densityRatio)),
  densityRatioMean: round(mean(f.densityRatio)),
  pitchRangeMean: round(mean(f.pitchRange)),
  copiedBarRate: round(mean(f.copiedBars)),
});
const continuation = {
  prompts,
  bars,
  seeds,
  temperature,
  restate,
  model: summarise(figures.model),
  real: summarise(figures.real),
  repeatPrompt: summarise(figures.repeat),
};
const copyGap = round(continuation.model.copiedBarRate - continuation.real.copiedBarRate);
say(`continuations of ${prompts} ${bars}-bar prompts × ${seeds.length} seeds [${((Date.now() - genStarted) / 1000).toFixed(0)} s]`);
for (const who of ['model', 'real', 'repeatPrompt'] as const) say(`  ${who.padEnd(12)} ${JSON.stringify(continuation[who])}`);
say(`  copied-bar rate gap (model - real): ${copyGap} (target within ±0.1)`);

const result = {
  split: 'test',
  tunes: test.length,
  weightsSha256: weights.weightsHash,
  config,
  backend: backend.backend,
  likelihood: {
    steps: likelihood.steps,
    model: { nllPerStep: round(likelihood.model.nllPerStep), accuracy: round(likelihood.model.accuracy) },
    trigram: { nllPerStep: round(likelihood.trigram.nllPerStep), accuracy: round(likelihood.trigram.accuracy), alpha: likelihood.trigram.alpha },
  },
  continuation,
  copiedBarRateGap: copyGap,
  shortPrompts,
};
console.log(JSON.stringify(result));

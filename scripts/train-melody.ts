/**
 * Trains the melody LSTM behind `.continue()` on a folder of melody MIDI files (Nottingham) and
 * exports a Magenta MusicRNN checkpoint.
 *
 *   npm run train:melody -- --data ../shared/data/nottingham/MIDI [--out models/melody] [--minutes 35] [--resume]
 *
 * Progress on stderr; state saved to --work (default .train/melody) every few minutes; the weights
 * best on the validation split are exported.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { loadCorpus } from '../src/ai/data/corpus.ts';
import { DEFAULT_STEPS_PER_QUARTER, type MelodyModelConfig } from '../src/ai/melody/config.ts';
import { exportCheckpoint, loadWeights, type CheckpointSource } from '../src/ai/melody/checkpoint.ts';
import { sequenceNll } from '../src/ai/melody/nll.ts';
import { fromVariables, initialParams, makeBatchSampler, trainStep, type TrainingParams } from '../src/ai/melody/training.ts';
import { registerPlainTransposeMatMulGradient } from '../src/ai/tf/matmul-gradient.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string', default: 'models/melody' },
    work: { type: 'string', default: '.train/melody' },
    minutes: { type: 'string', default: '30' },
    resume: { type: 'boolean', default: false },
    layers: { type: 'string', default: '128' },
    'min-pitch': { type: 'string', default: '48' },
    'max-pitch': { type: 'string', default: '95' },
    batch: { type: 'string', default: '16' },
    steps: { type: 'string', default: '96' },
    lr: { type: 'string', default: '0.005' },
    'save-minutes': { type: 'string', default: '3' },
    'valid-minutes': { type: 'string', default: '5' },
    'valid-tunes': { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    transpose: { type: 'string', default: '5' },
    'transposed-share': { type: 'string', default: '0.5' },
  },
});

if (args.data === undefined) {
  console.error('usage: npm run train:melody -- --data <folder of .mid files> [--out models/melody] [--minutes 35] [--resume]');
  process.exit(2);
}

const config: MelodyModelConfig = {
  minPitch: Number(args['min-pitch']),
  maxPitch: Number(args['max-pitch']),
  stepsPerQuarter: DEFAULT_STEPS_PER_QUARTER,
  layers: args.layers.split(',').map(Number),
};
const budgetMs = Number(args.minutes) * 60_000;
const batchSize = Number(args.batch);
const windowSteps = Number(args.steps);
const lr0 = Number(args.lr);
const seed = Number(args.seed);
const work = resolve(args.work);
const out = resolve(args.out);
mkdirSync(work, { recursive: true });

const log = (message: string): void => {
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

const backend = await setupNodeBackend();
registerPlainTransposeMatMulGradient();
log(`backend ${backend.backend}; config ${JSON.stringify(config)}`);

let dataFolder = resolve(args.data);
if (existsSync(join(dataFolder, 'MIDI'))) dataFolder = join(dataFolder, 'MIDI');
const tunes = loadCorpus(dataFolder, config, { stepsPerQuarter: config.stepsPerQuarter });
const train = tunes.filter((t) => t.split === 'train');
// Validation during training scores a fixed subset of the valid split (every k-th tune), for speed.
const validAll = tunes.filter((t) => t.split === 'valid');
const validStride = Math.max(1, Math.floor(validAll.length / Number(args['valid-tunes'])));
const valid = validAll.filter((_, i) => i % validStride === 0);
log(`${train.length} train / ${validAll.length} valid tunes (${valid.length} scored during training) from ${dataFolder}`);

// ---- state: weights + Adam moments + counters, saved as one tfjs weights blob ----
interface Progress {
  step: number;
  elapsedMs: number;
  sequences: number;
  bestValid: number | null;
  bestStep: number;
  history: Array<{ step: number; minutes: number; trainLoss: number; validNll: number }>;
}
const fileSource = (folder: string): CheckpointSource => ({ kind: 'files', read: async (p) => readFileSync(join(folder, p)) });

async function saveCheckpoint(folder: string, training: TrainingParams): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of await exportCheckpoint(config, training.params)) writeFileSync(join(folder, name), bytes);
}

let training: TrainingParams;
const optimizer = tf.train.adam(lr0);
let progress: Progress = { step: 0, elapsedMs: 0, sequences: 0, bestValid: null, bestStep: 0, history: [] };
const statePath = join(work, 'state.json');
if (args.resume && existsSync(statePath)) {
  const loaded = await loadWeights(fileSource(join(work, 'last')));
  const p = loaded.params;
  training = fromVariables([...p.kernels, ...p.biases, p.fcWeights, p.fcBiases].map((t) => tf.variable(t)), config.layers.length);
  tf.dispose([...p.kernels, ...p.biases, p.fcWeights, p.fcBiases]);
  const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { progress: Progress; optimizer: { specs: tf.io.WeightsManifestEntry[] } };
  progress = saved.progress;
  const optBytes = readFileSync(join(work, 'optimizer.bin'));
  const named = tf.io.decodeWeights(optBytes.buffer.slice(optBytes.byteOffset, optBytes.byteOffset + optBytes.byteLength) as ArrayBuffer, saved.optimizer.specs);
  // Adam keeps its slots by position: iterations, then first moments, then second moments, in the
  // order of training.variables (saved as v{index}/m and v{index}/v).
  const slot = (i: number, kind: 'm' | 'v'): { name: string; tensor: tf.Tensor } => ({ name: renameSlot(`v${i}/${kind}`, training), tensor: named[`v${i}/${kind}`] });
  const iterations = saved.optimizer.specs[0].name;
  await optimizer.setWeights([
    { name: iterations, tensor: named[iterations] },
    ...training.variables.map((_, i) => slot(i, 'm')),
    ...training.variables.map((_, i) => slot(i, 'v')),
  ]);
  log(`resumed at step ${progress.step} (${(progress.elapsedMs / 60000).toFixed(1)} min, best valid ${progress.bestValid?.toFixed(4)})`);
} else {
  training = initialParams(config, seed);
}

/** Optimizer slot names embed variable names; saved names use indexes `v{i}/...`. */
function slotName(name: string, t: TrainingParams): string {
  const i = t.variables.findIndex((v) => name.startsWith(`${v.name}/`));
  return i < 0 ? name : `v${i}/${name.slice(t.variables[i].name.length + 1)}`;
}
function renameSlot(name: string, t: TrainingParams): string {
  const m = /^v(\d+)\/(.*)$/.exec(name);
  return m === null ? name : `${t.variables[Number(m[1])].name}/${m[2]}`;
}

async function saveState(): Promise<void> {
  await saveCheckpoint(join(work, 'last'), training);
  const weights = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(weights.map((w) => ({ name: slotName(w.name, training), tensor: w.tensor })));
  writeFileSync(join(work, 'optimizer.bin'), new Uint8Array(data));
  writeFileSync(statePath, JSON.stringify({ progress, optimizer: { specs }, config }, null, 2));
}

function validate(): number {
  const r = sequenceNll(training.params, valid.map((t) => t.events), { batchSize: valid.length });
  return r.totalNll / r.steps;
}

// ---- loop ----
const sampler = makeBatchSampler(train, config, {
  batchSize,
  steps: windowSteps,
  transpositions: Array.from({ length: 2 * Number(args.transpose) + 1 }, (_, i) => i - Number(args.transpose)),
  transposedShare: Number(args['transposed-share']),
  seed: seed * 1000 + progress.step,
});
const learningRate = (fraction: number): number => lr0 * (0.06 + 0.94 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, fraction))));
const setLearningRate = (lr: number): void => {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
};
const started = Date.now() - progress.elapsedMs;
let lastSave = Date.now();
let lastValid = Date.now();
let lastLine = 0;
let emaLoss: number | null = null;
let windowStart = { time: Date.now(), sequences: progress.sequences };
let rate = 0;

const bar = (fraction: number, width = 24): string => {
  const filled = Math.round(Math.min(1, fraction) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};
const clock = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function runValidation(): void {
  const nll = validate();
  const improved = progress.bestValid === null || nll < progress.bestValid;
  progress.history.push({ step: progress.step, minutes: progress.elapsedMs / 60000, trainLoss: emaLoss ?? NaN, validNll: nll });
  if (improved) {
    progress.bestValid = nll;
    progress.bestStep = progress.step;
  }
  log(`step ${progress.step}: valid ${nll.toFixed(4)} nats/step${improved ? ' (best)' : ''}`);
  lastValid = Date.now();
  return;
}

while (Date.now() - started < budgetMs) {
  const fraction = (Date.now() - started) / budgetMs;
  setLearningRate(learningRate(fraction));
  const loss = trainStep(training, optimizer, sampler(), 5);
  emaLoss = emaLoss === null ? loss : 0.95 * emaLoss + 0.05 * loss;
  progress.step++;
  progress.sequences += batchSize;
  progress.elapsedMs = Date.now() - started;
  const now = Date.now();
  if (now - windowStart.time > 10_000) {
    rate = ((progress.sequences - windowStart.sequences) * 1000) / (now - windowStart.time);
    windowStart = { time: now, sequences: progress.sequences };
  }
  if (process.stderr.isTTY || now - lastLine > 30_000) {
    const line = `${bar(fraction)} step ${progress.step} loss ${emaLoss.toFixed(3)} ${rate.toFixed(1)} seq/s ETA ${clock(budgetMs - progress.elapsedMs)}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else process.stderr.write(`${line}\n`);
    lastLine = now;
  }
  if (now - lastValid > Number(args['valid-minutes']) * 60_000) {
    const before = progress.bestValid;
    runValidation();
    if (progress.bestValid !== before) await saveCheckpoint(join(work, 'best'), training);
  }
  if (now - lastSave > Number(args['save-minutes']) * 60_000) {
    await saveState();
    lastSave = Date.now();
  }
}

{
  const before = progress.bestValid;
  runValidation();
  if (progress.bestValid !== before) await saveCheckpoint(join(work, 'best'), training);
  await saveState();
}

// ---- export the best weights ----
mkdirSync(out, { recursive: true });
const bestFolder = existsSync(join(work, 'best', 'config.json')) ? join(work, 'best') : join(work, 'last');
for (const name of ['config.json', 'weights_manifest.json', 'group1-shard1of1.bin']) {
  writeFileSync(join(out, name), readFileSync(join(bestFolder, name)));
}
const summary = {
  config,
  backend: backend.backend,
  steps: progress.step,
  sequences: progress.sequences,
  minutes: +(progress.elapsedMs / 60000).toFixed(2),
  bestValidNll: progress.bestValid,
  bestStep: progress.bestStep,
  batchSize,
  windowSteps,
  learningRate: lr0,
  history: progress.history,
};
writeFileSync(join(work, 'summary.json'), JSON.stringify(summary, null, 2));
log(`exported step ${progress.bestStep} (valid ${progress.bestValid?.toFixed(4)} nats/step) to ${out}`);
tf.disposeVariables();

/**
 * `.continue()`'s model work, as the platform runs it (a worker_threads Worker behind the typed
 * protocol), against @magenta/music's MusicRNN doing the same task:
 * - cold start: a fresh worker, model load and first inference (goal ≤ 1.5 s);
 * - latency of one cycle of 16 steps after a 16-step prompt, p50/p95 over 100 runs after warm-up
 *   (20 at basic_rnn's shapes; AI_BENCH_RUNS / AI_BENCH_RUNS_BASIC change them)
 *   (goal p95 ≤ 50 ms), on the default checkpoint (models/melody/, or random weights of its default
 *   shapes, 2×128, when none is trained yet) and on basic_rnn's shapes (2×512, pitches 48–83,
 *   depth 38) with random weights, served from 127.0.0.1 to both Motif and Magenta;
 * - the protocol's own cost: p50 of 100 round trips of a call that does no work;
 * - how late a 10 ms timer on the main thread fires while the worker generates, and while the same
 *   calls run on the main thread instead.
 * Ends with one JSON line of figures.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AiClient } from '../src/ai/client/client.ts';
import { createNodeAiClient } from '../src/ai/client/node.ts';
import type { MelodyModelConfig } from '../src/ai/melody/config.ts';
import type { GenerateRequest, ModelRef } from '../src/ai/protocol.ts';
import { makeCheckpoint, serveCheckpoints } from '../test/ai-platform-fixtures.ts';
import musicRnn from '@magenta/music/node/music_rnn.js';

const RUNS = Number(process.env.AI_BENCH_RUNS ?? 100);
/** basic_rnn's shapes are ~16× the work: fewer runs keep `npm run bench` short. */
const RUNS_BASIC = Number(process.env.AI_BENCH_RUNS_BASIC ?? 20);
const WARMUP = 10;
const STEPS = 16;
const BASIC_RNN: MelodyModelConfig = { minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [512, 512] };
const DEFAULT_SHAPES: MelodyModelConfig = { minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [128, 128] };

// A one-bar prompt: c4 d4 e4 g4 as quarter notes (MelodyRNN events, minPitch 48).
const PRIMER_PITCHES = [60, 62, 64, 67];
const primerEvents = (minPitch: number): number[] =>
  PRIMER_PITCHES.flatMap((pitch) => [2 + pitch - minPitch, 0, 0, 0]);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value: number): number => Math.round(value * 10) / 10;
const log = (message: string) => process.stdout.write(`${message}\n`);

async function motif(model: ModelRef, minPitch: number, runs: number) {
  const request = (seed: number): GenerateRequest => ({ model, primer: primerEvents(minPitch), steps: STEPS, temperature: 1, seed });
  const t0 = performance.now();
  const client: AiClient = createNodeAiClient();
  await client.stats();
  const workerReady = performance.now() - t0;
  const info = await client.loadModel(model);
  const loaded = performance.now() - t0;
  await client.generate(request(0));
  const cold = performance.now() - t0;

  for (let i = 1; i <= WARMUP; i++) await client.generate(request(i));
  const times: number[] = [];
  let lagMax = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMax = Math.max(lagMax, now - expected);
    expected = now + 10;
  }, 10);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await client.generate(request(1000 + i));
    times.push(performance.now() - start);
  }
  clearInterval(timer);
  const trips: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    await client.stats();
    trips.push(performance.now() - start);
  }
  const memory = await client.memory();
  await client.dispose();
  return {
    runs,
    layers: info.layers,
    backend: memory.backend,
    worker_start_ms: round(workerReady),
    load_ms: round(loaded - workerReady),
    cold_start_ms: round(cold),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    max_ms: round(Math.max(...times)),
    timer_lag_max_ms: round(lagMax),
    protocol_roundtrip_p50_ms: round(percentile(trips, 50)),
  };
}

/** How late a 10 ms interval timer fires while `work` runs, in ms (max and p50 of the delays). */
async function timerLag(work: () => Promise<void>): Promise<{ max: number; p50: number }> {
  const lags: number[] = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + 10;
  }, 10);
  await work();
  clearInterval(timer);
  return { max: round(Math.max(0, ...lags)), p50: round(lags.length ? percentile(lags, 50) : 0) };
}

/**
 * The same generate calls through the same handler, once on the main thread and once in the
 * worker: how much each delays a main-thread timer (what the scheduler would feel).
 */
async function mainThreadVersusWorker(model: ModelRef, runs: number) {
  const warn = console.warn;
  console.warn = () => {}; // tfjs 4 after Magenta's tfjs 2: "kernel … already registered", ~200 lines
  const { createAiHandler } = await import('../src/ai/worker/handler.ts');
  const { setupNodeBackend } = await import('../src/ai/tf/node-backend.ts');
  const { defaultMelodyCheckpoint } = await import('../src/ai/worker/checkpoint-node.ts');
  console.warn = warn;
  const handler = createAiHandler({ setupBackend: () => setupNodeBackend(), defaultCheckpoint: defaultMelodyCheckpoint });
  let id = 0;
  const inProcess = (request: GenerateRequest) =>
    new Promise<void>((resolve, reject) =>
      handler.receive({ type: 'call', id: ++id, method: 'generate', args: [request] }, (response) =>
        response.type === 'result' ? resolve() : reject(new Error(response.error.message)),
      ),
    );
  const request = (seed: number): GenerateRequest => ({ model, primer: primerEvents(48), steps: STEPS, temperature: 1, seed });
  await inProcess(request(0));
  const main = await timerLag(async () => {
    for (let i = 0; i < runs; i++) await inProcess(request(i + 1));
  });
  const client = createNodeAiClient();
  await client.generate(request(0));
  const worker = await timerLag(async () => {
    for (let i = 0; i < runs; i++) await client.generate(request(i + 1));
  });
  await client.dispose();
  return { runs, main_thread_lag_max_ms: main.max, main_thread_lag_p50_ms: main.p50, worker_lag_max_ms: worker.max, worker_lag_p50_ms: worker.p50 };
}

async function magenta(url: string, runs: number) {
  const sequence = {
    notes: PRIMER_PITCHES.map((pitch, i) => ({ pitch, quantizedStartStep: 4 * i, quantizedEndStep: 4 * i + 4 })),
    totalQuantizedSteps: 16,
    quantizationInfo: { stepsPerQuarter: 4 },
  };
  const t0 = performance.now();
  const model = new musicRnn.MusicRNN(url);
  await model.initialize();
  const loaded = performance.now() - t0;
  await model.continueSequence(sequence, STEPS, 1);
  const cold = performance.now() - t0;
  for (let i = 0; i < WARMUP; i++) await model.continueSequence(sequence, STEPS, 1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await model.continueSequence(sequence, STEPS, 1);
    times.push(performance.now() - start);
  }
  model.dispose();
  return {
    runs,
    load_ms: round(loaded),
    cold_start_ms: round(cold),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    max_ms: round(Math.max(...times)),
    thread: 'main',
  };
}

const trained = existsSync(fileURLToPath(new URL('../models/melody/config.json', import.meta.url)));
const server = await serveCheckpoints({
  basic: makeCheckpoint(BASIC_RNN, 7, 0.05),
  ...(trained ? {} : { default: makeCheckpoint(DEFAULT_SHAPES, 7, 0.1) }),
});
try {
  const defaultRef: ModelRef = trained ? { kind: 'default' } : { kind: 'url', url: server.url('default') };
  log(`motif, default checkpoint (${trained ? 'models/melody/' : 'random weights, 2x128: none trained yet'}) …`);
  const motifDefault = await motif(defaultRef, 48, RUNS);
  log(JSON.stringify(motifDefault));
  log('motif, basic_rnn shapes (2x512, random weights, from 127.0.0.1) …');
  const motifBasic = await motif({ kind: 'url', url: server.url('basic') }, 48, RUNS_BASIC);
  log(JSON.stringify(motifBasic));
  log('@magenta/music 1.23.1 MusicRNN, basic_rnn shapes, same checkpoint …');
  const magentaBasic = await magenta(server.url('basic'), RUNS_BASIC);
  log(JSON.stringify(magentaBasic));
  // Last: tfjs 4 on the main thread would take over the global engine that Magenta's tfjs 2 uses.
  log('timer lag: generating on the main thread versus in the worker …');
  const lag = await mainThreadVersusWorker(defaultRef, 30);
  log(JSON.stringify(lag));
  console.log(
    JSON.stringify({
      steps: STEPS,
      load_average_1min: Math.round(loadavg()[0] * 10) / 10,
      default_checkpoint: trained ? 'models/melody' : 'random-2x128',
      motif_default: motifDefault,
      motif_basic_rnn: motifBasic,
      magenta_basic_rnn: magentaBasic,
      timer_lag: lag,
      goals: {
        p95_le_50ms: motifDefault.p95_ms <= 50,
        cold_start_le_1500ms: motifDefault.cold_start_ms <= 1500,
      },
    }),
  );
} finally {
  await server.close();
}

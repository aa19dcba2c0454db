/**
 * How soon new code can sound after evaluation in `now` mode: from evaluate() resolving to the new
 * pattern's first scheduled onset, for a pattern with an onset every 1/64 cycle at cps 0.5 (an
 * onset every 31 ms), with Motif's live tick and look-ahead:
 * - in Node: a setInterval timer with the browser's interval and a performance.now() clock;
 * - in headless Chromium: the real player (worker timer, AudioContext clock), plus the device's
 *   reported latencies (baseLatency, outputLatency), which come on top of both.
 * Compare with Strudel's committed horizon of 153–294 ms (docs/FACTS). Ends with one JSON line.
 */
import type { AddressInfo } from 'node:net';
import { evaluate } from '../src/runtime/evaluate.ts';
import { IntervalTimer, performanceClock, Scheduler } from '../src/scheduler/index.ts';
import { DEFAULT_TICK_SECONDS, DEFAULT_TIMING } from '../src/scheduler/types.ts';
import { launchChromium, startServer } from '../test/browser/harness.ts';

const RUNS = Number(process.env.SCHEDULER_BENCH_RUNS ?? 150);
const CPS = 0.5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (seconds: number) => Math.round(seconds * 10000) / 10;

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { runs: sorted.length, p50Ms: ms(at(0.5)), p95Ms: ms(at(0.95)), minMs: ms(sorted[0]), maxMs: ms(sorted[sorted.length - 1]) };
}

const code = (n: number) => `setcps(${CPS})\ns("hh*64").n(${n})`;

async function node(lookAheadSeconds = DEFAULT_TIMING.lookAheadSeconds, runs = RUNS) {
  let wanted = -1;
  let onset: number | null = null;
  const scheduler = new Scheduler({
    clock: performanceClock,
    timer: new IntervalTimer(DEFAULT_TICK_SECONDS),
    timing: { lookAheadSeconds },
    output: (event) => {
      if ((event.hap.value as { n?: number }).n === wanted && onset === null) onset = event.audioTime;
    },
  });
  const first = await evaluate(code(0));
  scheduler.setLayers(first.layers, { cps: first.cps });
  scheduler.start();
  const latencies: number[] = [];
  const evaluations: number[] = [];
  const horizons: number[] = [];
  for (let n = 1; n <= runs; n++) {
    await sleep(40 + Math.random() * 80);
    const began = performanceClock.now();
    const result = await evaluate(code(n));
    const resolvedAt = performanceClock.now();
    evaluations.push(resolvedAt - began);
    wanted = n;
    onset = null;
    horizons.push(scheduler.committedUntil - resolvedAt);
    scheduler.setLayers(result.layers, { swap: 'now', cps: result.cps });
    while (onset === null) await sleep(1);
    latencies.push(onset - resolvedAt);
  }
  scheduler.stop();
  const horizon = summary(horizons);
  return {
    ...summary(latencies),
    committedHorizonP50Ms: horizon.p50Ms,
    committedHorizonP95Ms: horizon.p95Ms,
    evaluateP50Ms: summary(evaluations).p50Ms,
    late: scheduler.stats.late,
  };
}

/** One fresh page per configuration: superdough keeps per-context state. */
async function browser(configs: { lookAheadSeconds: number; jankMs: number; runs: number }[]) {
  const { server } = await startServer();
  const chromium = await launchChromium();
  const results: Record<string, unknown>[] = [];
  try {
    for (const { lookAheadSeconds, jankMs, runs } of configs) {
      const page = await chromium.newPage();
      // superdough drops an event whose set-up ends after its onset, and says so on the console.
      let superdoughSkips = 0;
      page.on('console', (message) => {
        if (/skip hap|in the past|took too long/.test(message.text())) superdoughSkips++;
      });
      const port = (server.httpServer!.address() as AddressInfo).port;
      await page.goto(`http://127.0.0.1:${port}/test/pages/player.html`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const began = Date.now();
      await page.evaluate((lookAhead) => window.motifPlayerTest.start({ lookAheadSeconds: lookAhead }), lookAheadSeconds);
      const startupMs = Date.now() - began;
      const result = await page.evaluate(
        ([r, cps, jank]) => window.motifPlayerTest.swapLatencies(r, cps, jank),
        [runs, CPS, jankMs] as const,
      );
      results.push({
        lookAheadMs: lookAheadSeconds * 1000,
        mainThreadJankMs: jankMs,
        ...summary(result.latencies),
        lateEvents: result.late,
        superdoughSkips,
        events: result.events,
        baseLatencyMs: ms(result.baseLatency),
        outputLatencyMs: ms(result.outputLatency),
        sampleRate: result.sampleRate,
        playerStartupMs: startupMs,
      });
      await page.close();
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  return results;
}

const settings = { tickMs: DEFAULT_TICK_SECONDS * 1000, lookAheadMs: DEFAULT_TIMING.lookAheadSeconds * 1000, cps: CPS, onsetEveryMs: ms(1 / 64 / CPS) };
console.log('settings', settings);
const nodeFigures = await node();
console.log('node (setInterval timer, performance.now clock)', nodeFigures);
const sweep: Record<string, unknown> = {};
for (const lookAhead of [0.02, 0.04, 0.1]) {
  const { p50Ms, p95Ms, late } = await node(lookAhead, 60);
  sweep[`lookAhead${lookAhead * 1000}ms`] = { p50Ms, p95Ms, late };
}
console.log('node, other look-aheads (60 runs each)', sweep);
let browserFigures: Record<string, unknown>[];
try {
  const live = DEFAULT_TIMING.lookAheadSeconds;
  browserFigures = await browser([
    { lookAheadSeconds: live, jankMs: 0, runs: RUNS },
    { lookAheadSeconds: live, jankMs: 20, runs: 80 },
    { lookAheadSeconds: 0.04, jankMs: 0, runs: 80 },
    { lookAheadSeconds: 0.04, jankMs: 20, runs: 80 },
    { lookAheadSeconds: 0.02, jankMs: 20, runs: 80 },
  ]);
  for (const figures of browserFigures) console.log('headless Chromium (worker timer, AudioContext clock)', figures);
} catch (error) {
  browserFigures = [{ error: String(error) }];
  console.log('headless Chromium failed', error);
}
console.log(
  JSON.stringify({
    bench: 'scheduler',
    metric: 'now-mode swap: evaluate() resolved → first onset of the new pattern',
    settings,
    node: nodeFigures,
    nodeLookAheadSweep: sweep,
    browser: browserFigures,
    strudelCommittedHorizonMs: [153, 294],
  }),
);

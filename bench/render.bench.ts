/**
 * Offline render speed: examples/sixteen-voices.js, 30 cycles (60 s, 1,800 notes, 16 voices),
 * rendered by superdough in headless Chromium (the route `motif render` uses) and by the
 * plain-TypeScript synth (the best other route tried), in the same run. Realtime factor = audio
 * seconds / wall seconds. "excluding start-up" times one render on a launched browser (fresh page,
 * PCM back in Node); "including" adds launching Chromium and loading the page bundle.
 * Three runs each; medians reported; then the same piece with reverb (no overlapped scheduling)
 * and with a waveshaper (an AudioWorklet: the standard 128-frame quantum), once each; then the
 * whole `motif render` command once. The machine is shared, so CPU-time factors (audio seconds per
 * CPU second of Chromium and Node together) are reported beside the wall-clock ones, with the load
 * average. Ends with one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { queryEvents } from '../src/cli/events.ts';
import { loadPattern } from '../src/cli/source.ts';
import { launchRenderer } from '../src/render/browser.ts';
import { renderPlain } from '../src/render/plain/synth.ts';
import { renderPlan, DEFAULT_SAMPLE_RATE } from '../src/render/render.ts';
import { planRender } from '../src/render/schedule.ts';

const RUNS = 3;

/**
 * CPU seconds used so far by a process and all its descendants (Linux /proc; clock ticks of 10 ms).
 * The machine is shared, so wall-clock factors move with its load; CPU time mostly does not.
 */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  for (const [pid, stat] of stats) {
    for (let at: number | undefined = pid; at; at = stats.get(at)?.parent) {
      if (at === root) {
        ticks += stat.ticks;
        break;
      }
    }
  }
  return ticks / 100;
}
const file = join(import.meta.dirname, '..', 'examples', 'sixteen-voices.js');
const span = { begin: 0, end: 30 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

const loaded = await loadPattern('bench', file, await readFile(file, 'utf8'));
const events = queryEvents(file, loaded.layers, span);
const plan = planRender(
  events.map((event) => ({ begin: event.begin.valueOf(), end: event.end.valueOf(), value: event.value })),
  span,
  loaded.cps ?? 0.5,
);
const tailSeconds = 1;
const audioSeconds = plan.seconds + tailSeconds;
console.log(`piece: ${plan.notes.length} notes, ${loaded.layers.length} voices, ${audioSeconds} s of audio at ${DEFAULT_SAMPLE_RATE} Hz`);

const including: number[] = [];
const excluding: number[] = [];
const inPage: number[] = [];
const launches: number[] = [];
const cpuSeconds: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const renderer = await launchRenderer();
  const launched = performance.now();
  const cpuBefore = treeCpuSeconds(process.pid); // this process and Chromium, its child
  const audio = await renderPlan(plan, { renderer, tailSeconds });
  const done = performance.now();
  const cpu = treeCpuSeconds(process.pid) - cpuBefore;
  cpuSeconds.push(cpu);
  await renderer.close();
  launches.push(launched - started);
  excluding.push(done - launched);
  including.push(done - started);
  inPage.push(audio.timings.renderMs);
  console.log(
    `superdough run ${run + 1}: launch ${(launched - started).toFixed(0)} ms, render ${(done - launched).toFixed(0)} ms ` +
      `(CPU ${(cpu * 1000).toFixed(0)} ms; in page: set-up ${audio.timings.setupMs.toFixed(0)} ms, render ${audio.timings.renderMs.toFixed(0)} ms, of which scheduling ${audio.timings.scheduleMs.toFixed(0)} ms; PCM ${audio.timings.encodeMs.toFixed(0)} ms), peak ${audio.peak.toFixed(3)}`,
  );
}

// Variants that take the slower paths (see src/render/quantum.ts), once each on a launched browser.
const variantFactors: Record<string, number> = {};
for (const [name, extra] of [
  ['reverb', { room: 0.2 }],
  ['worklet_shape', { shape: 0.3 }],
] as const) {
  const variant = { ...plan, notes: plan.notes.map((note) => ({ ...note, value: { ...note.value, ...extra } })) };
  const renderer = await launchRenderer();
  const started = performance.now();
  await renderPlan(variant, { renderer, tailSeconds });
  const ms = performance.now() - started;
  await renderer.close();
  variantFactors[name] = round(audioSeconds / (ms / 1000));
  console.log(`superdough ${name} variant: render ${ms.toFixed(0)} ms`);
}

const plain: number[] = [];
const plainCpu: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = renderPlain(plan.notes, audioSeconds, DEFAULT_SAMPLE_RATE);
  const cpu = process.cpuUsage(cpuBefore);
  plain.push(performance.now() - started);
  plainCpu.push((cpu.user + cpu.system) / 1000);
  console.log(`plain-ts run ${run + 1}: ${(performance.now() - started).toFixed(0)} ms, ${result.skipped} notes skipped`);
}

// The whole command as a user runs it: Node and tsx start-up, evaluation, Chromium, WAV written.
const out = join(mkdtempSync(join(tmpdir(), 'motif-bench-')), 'piece.wav');
const cliStarted = performance.now();
const cli = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'motif.js'), 'render', file, '--cycles', '30', '-o', out], { encoding: 'utf8' });
const cliMs = performance.now() - cliStarted;
if (cli.status !== 0) throw new Error(`motif render failed: ${cli.stderr}`);
console.log(`motif render (whole command): ${cliMs.toFixed(0)} ms; ${cli.stderr.trim()}`);

const factor = (ms: number) => round(audioSeconds / (ms / 1000));
console.log(
  JSON.stringify({
    audio_s: audioSeconds,
    notes: plan.notes.length,
    voices: loaded.layers.length,
    superdough_x_realtime_excl_startup: factor(median(excluding)),
    superdough_x_realtime_incl_startup: factor(median(including)),
    superdough_x_realtime_in_page: factor(median(inPage)),
    superdough_launch_ms: Math.round(median(launches)),
    superdough_x_realtime_excl_startup_reverb: variantFactors.reverb,
    superdough_x_realtime_excl_startup_worklet_shape: variantFactors.worklet_shape,
    cli_render_command_x_realtime: factor(cliMs),
    superdough_x_realtime_per_cpu_s: factor(median(cpuSeconds) * 1000),
    plain_ts_x_realtime: factor(median(plain)),
    plain_ts_x_realtime_per_cpu_s: factor(median(plainCpu)),
    goal_excl: 40,
    goal_incl: 30,
    load_avg_1m: round((await import('node:os')).loadavg()[0]!, 2),
  }),
);

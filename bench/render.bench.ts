/**
 * Offline render speed: examples/sixteen-voices.js, 30 cycles (60 s, 1,800 notes, 16 voices),
 * rendered by superdough in headless Chromium (the route `motif render` uses) and by the
 * plain-TypeScript synth (the best other route tried), in the same run. Realtime factor = audio
 * seconds / wall seconds. "excluding start-up" times one render on a launched browser (fresh page,
 * PCM back in Node); "including" adds launching Chromium and loading the page bundle.
 * Three runs each; medians reported. Ends with one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { queryEvents } from '../src/cli/events.ts';
import { loadPattern } from '../src/cli/source.ts';
import { launchRenderer } from '../src/render/browser.ts';
import { renderPlain } from '../src/render/plain/synth.ts';
import { renderPlan, DEFAULT_SAMPLE_RATE } from '../src/render/render.ts';
import { planRender } from '../src/render/schedule.ts';

const RUNS = 3;
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
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const renderer = await launchRenderer();
  const launched = performance.now();
  const audio = await renderPlan(plan, { renderer, tailSeconds });
  const done = performance.now();
  await renderer.close();
  launches.push(launched - started);
  excluding.push(done - launched);
  including.push(done - started);
  inPage.push(audio.timings.renderMs);
  console.log(
    `superdough run ${run + 1}: launch ${(launched - started).toFixed(0)} ms, render ${(done - launched).toFixed(0)} ms ` +
      `(in page ${audio.timings.renderMs.toFixed(0)} ms, of which scheduling ${audio.timings.scheduleMs.toFixed(0)} ms; PCM ${audio.timings.encodeMs.toFixed(0)} ms), peak ${audio.peak.toFixed(3)}`,
  );
}

const plain: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const result = renderPlain(plan.notes, audioSeconds, DEFAULT_SAMPLE_RATE);
  plain.push(performance.now() - started);
  console.log(`plain-ts run ${run + 1}: ${(performance.now() - started).toFixed(0)} ms, ${result.skipped} notes skipped`);
}

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
    plain_ts_x_realtime: factor(median(plain)),
    goal_excl: 40,
    goal_incl: 30,
    load_avg_1m: round((await import('node:os')).loadavg()[0]!, 2),
  }),
);

/**
 * What one scheduler tick costs the thread that plays, with many layers: 50 and 500 layers of
 * `s("hh*8")` at cps 0.5, 10 ms ticks on a virtual clock, 300 ticks each, with layers queried
 * ahead (Motif's default, 100 ms) and, as the reference measured in the same run, queried every
 * tick. Ends with one JSON line: p50 and p95 tick times in ms, and the p95 ratio.
 */
import { evaluate } from '../src/runtime/evaluate.ts';
import { ManualClock, ManualTimer, Scheduler } from '../src/scheduler/index.ts';

const TICKS = 300;

async function tickTimes(layers: number, queryAheadSeconds: number): Promise<{ p50: number; p95: number }> {
  const result = await evaluate(Array.from({ length: layers }, () => '$: s("hh*8").gain(0.01)').join('\n'));
  const clock = new ManualClock(0);
  const timer = new ManualTimer(0.01);
  const scheduler = new Scheduler({ clock, timer, output: () => undefined, cps: 0.5, timing: { queryAheadSeconds } });
  scheduler.setLayers(result.layers);
  scheduler.start();
  const times: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    clock.advance(0.01);
    const started = performance.now();
    timer.fire();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { p50: round(times[Math.floor(TICKS / 2)]!), p95: round(times[Math.floor(TICKS * 0.95)]!) };
}

const figures: Record<string, unknown> = {};
for (const layers of [50, 500]) {
  const ahead = await tickTimes(layers, 0.1);
  const everyTick = await tickTimes(layers, 0);
  figures[`layers${layers}`] = { aheadMs: ahead, everyTickMs: everyTick, p95Ratio: Math.round((everyTick.p95 / ahead.p95) * 10) / 10 };
  console.log(`${layers} layers: queried ahead p50 ${ahead.p50} / p95 ${ahead.p95} ms per tick; queried every tick p50 ${everyTick.p50} / p95 ${everyTick.p95} ms`);
}
console.log(JSON.stringify(figures));

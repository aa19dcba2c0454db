import type { HapValue } from '@strudel/core';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/runtime/evaluate.ts';
import type { MotifError } from '../src/runtime/result.ts';
import { EventHold } from '../src/player/event-hold.ts';
import { ManualClock, ManualTimer, Scheduler, type ScheduledEvent, type SchedulerLayer } from '../src/scheduler/index.ts';

const LOOK_AHEAD = 0.1;
const START_DELAY = 0.05;

async function layers(code: string): Promise<SchedulerLayer[]> {
  const result = await evaluate(code);
  if (result.errors.length) throw new Error(result.errors[0].message);
  return result.layers;
}

function setup(cps = 0.5) {
  const clock = new ManualClock(10);
  const timer = new ManualTimer(0.02);
  const events: ScheduledEvent[] = [];
  const errors: MotifError[] = [];
  const scheduler = new Scheduler({
    clock,
    timer,
    output: (event) => events.push(event),
    onError: (error) => errors.push(error),
    timing: { lookAheadSeconds: LOOK_AHEAD, startDelaySeconds: START_DELAY },
    cps,
  });
  /** Moves the clock in steps of `step` seconds until `until`, ticking each time. */
  const run = (until: number, step = 0.02) => {
    while (clock.now() + step <= until + 1e-9) {
      clock.advance(step);
      timer.fire();
    }
  };
  return { clock, timer, events, errors, scheduler, run };
}

const sound = (event: ScheduledEvent) => (event.hap.value as { s?: string }).s;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

describe('Scheduler', () => {
  it('hands out onsets at their audio time with durations in seconds', async () => {
    const { scheduler, events, run } = setup(0.5);
    scheduler.setLayers(await layers('s("bd*4")'));
    scheduler.start();
    run(12);
    const t0 = 10 + START_DELAY;
    const firstCycle = events.filter((e) => e.cycle < 1);
    expect(firstCycle.map((e) => round(e.audioTime - t0))).toEqual([0, 0.5, 1, 1.5]);
    expect(firstCycle.every((e) => round(e.durationSeconds) === 0.5)).toBe(true);
    expect(firstCycle.every((e) => e.layer === 'main' && e.cps === 0.5 && sound(e) === 'bd')).toBe(true);
  });

  it('commits only up to the look-ahead, and not before start', async () => {
    const { scheduler, events, clock, timer } = setup(1);
    scheduler.setLayers(await layers('s("hh*16")'));
    timer.fire();
    expect(events).toHaveLength(0);
    scheduler.start();
    // The first window reaches the look-ahead past cycle 0, whenever the timer first ticks.
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.audioTime).toBeLessThan(clock.now() + START_DELAY + LOOK_AHEAD);
    clock.advance(0.3);
    timer.fire();
    expect(Math.max(...events.map((e) => e.audioTime))).toBeLessThan(clock.now() + LOOK_AHEAD);
    expect(Math.max(...events.map((e) => e.audioTime))).toBeGreaterThan(clock.now() + LOOK_AHEAD - 1 / 16);
  });

  it('loses and duplicates nothing across windows, whatever the tick sizes', async () => {
    const { scheduler, events, clock, timer } = setup(0.7);
    const code = 's("bd*3 [sd hh]*5, hh*7").n("<0 1 2>")';
    scheduler.setLayers(await layers(code));
    scheduler.start();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    while (clock.now() < 10 + 6 / 0.7) {
      clock.advance(0.001 + random() * 0.05);
      timer.fire();
    }
    const lastCycle = Math.floor(scheduler.cycleAt(clock.now()));
    const got = events.filter((e) => e.cycle < lastCycle).map((e) => `${round(e.cycle)} ${sound(e)}`);
    const reference = (await layers(code))[0].pattern
      .queryArc(0, lastCycle)
      .filter((hap) => hap.hasOnset())
      .map((hap) => `${round(hap.whole!.begin.valueOf())} ${(hap.value as { s: string }).s}`);
    expect(got.sort()).toEqual(reference.sort());
    expect(new Set(got).size).toBe(got.length);
  });

  it('swaps re-evaluated code at the next cycle boundary by default', async () => {
    const { scheduler, events, run } = setup(1);
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    run(10.5);
    scheduler.setLayers(await layers('s("sd*8")'));
    run(12.5);
    const firstSd = events.find((e) => sound(e) === 'sd')!;
    const lastBd = events.filter((e) => sound(e) === 'bd').at(-1)!;
    expect(round(firstSd.cycle)).toBe(1);
    expect(round(lastBd.cycle)).toBe(0.875);
    expect(events.filter((e) => e.cycle < 1).every((e) => sound(e) === 'bd')).toBe(true);
  });

  it('swaps at the earliest uncommitted time in now mode', async () => {
    const { scheduler, events, run, clock } = setup(1);
    scheduler.setLayers(await layers('s("bd*16")'));
    scheduler.start();
    run(10.3);
    const committedBefore = scheduler.committedUntil;
    scheduler.setLayers(await layers('s("sd*16")'), { swap: 'now' });
    run(10.6);
    const firstSd = events.find((e) => sound(e) === 'sd')!;
    expect(firstSd.audioTime).toBeGreaterThanOrEqual(committedBefore - 1e-9);
    expect(firstSd.audioTime - committedBefore).toBeLessThan(1 / 16 + 1e-9);
    expect(firstSd.audioTime).toBeLessThan(clock.now());
    expect(events.filter((e) => sound(e) === 'bd').every((e) => e.audioTime < committedBefore)).toBe(true);
  });

  it('changes tempo with the cycle position continuous, and takes setcps from a swap', async () => {
    const { scheduler, events, run } = setup(1);
    scheduler.setLayers(await layers('s("bd*4")'));
    scheduler.start();
    run(11);
    const cycleBefore = scheduler.cycleAt(11);
    scheduler.setCps(2);
    expect(scheduler.cycleAt(11)).toBeCloseTo(cycleBefore, 9);
    run(13);
    const times = events.map((e) => e.audioTime);
    const gaps = times.slice(1).map((t, i) => round(t - times[i]));
    expect(gaps.slice(0, 3)).toEqual([0.25, 0.25, 0.25]);
    expect(gaps.slice(-3)).toEqual([0.125, 0.125, 0.125]);
    expect(gaps.every((gap) => gap >= 0.125 && gap <= 0.25)).toBe(true);

    const retempo = await evaluate('setcps(0.5)\ns("sd*4")');
    scheduler.setLayers(retempo.layers, { cps: retempo.cps });
    run(16);
    const sd = events.filter((e) => sound(e) === 'sd');
    expect(Number.isInteger(round(sd[0].cycle))).toBe(true);
    expect(round(sd[1].audioTime - sd[0].audioTime)).toBe(0.5);
    expect(sd[0].cps).toBe(0.5);
  });

  it('stops scheduling on stop, and restarts from cycle 0', async () => {
    const { scheduler, events, run, timer } = setup(1);
    scheduler.setLayers(await layers('s("bd*4")'));
    scheduler.start();
    run(11);
    scheduler.stop();
    expect(scheduler.playing).toBe(false);
    expect(timer.running).toBe(false);
    const count = events.length;
    run(12);
    scheduler.tick();
    expect(events).toHaveLength(count);
    scheduler.start();
    expect(events.at(-1)!.cycle).toBe(0);
  });

  it('hush silences every layer while the clock runs on', async () => {
    const { scheduler, events, run } = setup(1);
    scheduler.setLayers(await layers('$: s("bd*4")\n$: s("hh*8")'));
    scheduler.start();
    run(11);
    scheduler.hush();
    const horizon = scheduler.committedUntil;
    run(12);
    expect(events.every((e) => e.audioTime < horizon)).toBe(true);
    expect(scheduler.playing).toBe(true);
    scheduler.setLayers(await layers('s("cp")'));
    run(14);
    expect(events.some((e) => sound(e) === 'cp')).toBe(true);
  });

  it('keeps the other layers playing when one throws, falls back to its last good version, reports once', async () => {
    const { scheduler, events, errors, run } = setup(1);
    scheduler.setLayers(await layers('drums: s("bd*4")\nlead: note("c e g").s("sine")'));
    scheduler.start();
    run(11.5);
    const broken = 'drums: s("sd*4")\n\nlead: note("c e g").s("sine").withValue(() => { throw new Error(\'boom\') })';
    scheduler.setLayers(await layers(broken));
    run(15);
    const after = events.filter((e) => e.cycle >= 2 && e.cycle < 4);
    expect(after.filter((e) => e.layer === 'drums').every((e) => sound(e) === 'sd')).toBe(true);
    expect(after.filter((e) => e.layer === 'drums')).toHaveLength(8);
    expect(after.filter((e) => e.layer === 'lead').map((e) => sound(e))).toContain('sine');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'query', layer: 'lead', line: 3, column: 1 });
    expect(errors[0].message).toContain('boom');
  });

  it('stops a layer whose query never ends at the tick deadline, and plays its previous version', async () => {
    const { scheduler, events, errors, run } = setup(1);
    scheduler.setLayers(await layers('drums: s("bd*4")\nlead: note("c e g").s("sine")'));
    scheduler.start();
    run(11.5);
    scheduler.setLayers(await layers('drums: s("bd*4")\nlead: note("c e g").s("saw").withValue((v) => {\n  while (true) {}\n})'));
    run(15);
    const after = events.filter((e) => e.cycle >= 2 && e.cycle < 4);
    expect(after.filter((e) => e.layer === 'drums')).toHaveLength(8);
    expect(after.filter((e) => e.layer === 'lead').map(sound)).toEqual(['sine', 'sine', 'sine', 'sine', 'sine', 'sine']);
    expect(errors).toEqual([expect.objectContaining({ kind: 'query', layer: 'lead', message: 'Layer lead: ran longer than 200 ms at line 3 (an endless loop?) (playing its previous version)' })]);
  });

  it('thins a layer over its event budget, reports it once, and plays the other layers whole', async () => {
    const { scheduler, events, errors, run } = setup(0.5);
    scheduler.setLayers(await layers('$: s("bd*100000")\n$: note("c4 e4 g4 b4").s("sine")'));
    scheduler.start();
    run(20);
    const cycles = (e: ScheduledEvent) => e.cycle >= 1 && e.cycle < 4;
    expect(events.filter((e) => e.layer === '$1' && cycles(e)).map(sound)).toEqual(Array(12).fill('sine'));
    const dense = events.filter((e) => e.layer === '$0' && cycles(e));
    // 3 cycles = 6 s at 0.5 cps: 500 events per second, and a burst of 64 at most.
    expect(dense.length).toBeGreaterThan(6 * 500 - 100);
    expect(dense.length).toBeLessThanOrEqual(6 * 500 + 64);
    expect(scheduler.stats.thinned).toBeGreaterThan(100_000);
    expect(errors).toEqual([expect.objectContaining({ kind: 'query', layer: '$0', line: 1, message: expect.stringMatching(/^Layer \$0: about \d+ events per second, more than the 500 a layer may play: thinned/) })]);
  });

  it.each(['', '$: ', 'bass: '])('falls back the same way whatever the layer is called (%j)', async (label) => {
    const { scheduler, events, errors, run } = setup(1);
    scheduler.setLayers(await layers(`${label}note("c4*4").s("sine")`));
    scheduler.start();
    run(12.5);
    let calls = 0;
    const throwsLater = (await layers(`${label}note("e4*4").s("saw")`)).map((layer) => ({
      ...layer,
      pattern: layer.pattern.withValue((value: HapValue) => {
        if (++calls > 8) throw new Error('boom'); // plays two cycles, then fails
        return value;
      }),
    }));
    scheduler.setLayers(throwsLater);
    run(18);
    const id = throwsLater[0]!.id;
    expect(errors).toEqual([expect.objectContaining({ layer: id, message: `Layer ${id}: boom (playing its previous version)` })]);
    const late = events.filter((e) => e.cycle >= 6 && e.cycle < 8);
    expect(late.map(sound)).toEqual(Array(8).fill('sine'));
  });

  it('queries layers ahead and swaps at cycle boundaries without losing or doubling an onset (40 swaps, 10 ms ticks)', async () => {
    const clock = new ManualClock(0);
    const timer = new ManualTimer(0.01);
    const drone: number[] = [];
    const scheduler = new Scheduler({ clock, timer, cps: 1, output: (e) => void (e.layer === '$0' && drone.push(e.cycle)) });
    for (let i = 0; i < 40; i++) {
      scheduler.setLayers(await layers(`$: note("c2").fast(4)\n$: note("e4 g4").s("${i % 2 ? 'sine' : 'saw'}")`), { swap: 'cycle' });
      if (!scheduler.playing) scheduler.start();
      for (let t = 0; t < 180; t++) {
        clock.advance(0.01);
        timer.fire();
      }
    }
    const quarters = drone.map((cycle) => Math.round(cycle * 4));
    expect(new Set(quarters).size).toBe(quarters.length);
    expect(quarters).toEqual(Array.from({ length: quarters.length }, (_, k) => k));
    expect(quarters.length).toBeGreaterThan(280);
  });

  it('silences a new layer that throws with nothing to fall back to, once', async () => {
    const { scheduler, events, errors, run } = setup(1);
    scheduler.setLayers(await layers('$: s("bd*2")\nbad: s("hh").withValue(() => { throw new Error(\'nope\') })'));
    scheduler.start();
    run(13);
    expect(events.filter((e) => e.layer === '$0').length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.layer === 'bad')).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'query', layer: 'bad', line: 2 });
  });

  it('reports an output that throws once, and keeps going', async () => {
    const clock = new ManualClock(0);
    const timer = new ManualTimer();
    const errors: MotifError[] = [];
    let calls = 0;
    const scheduler = new Scheduler({
      clock,
      timer,
      output: () => {
        calls++;
        throw new Error('device gone');
      },
      onError: (error) => errors.push(error),
      cps: 1,
    });
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    for (let i = 0; i < 100; i++) {
      clock.advance(0.02);
      timer.fire();
    }
    expect(calls).toBeGreaterThan(10);
    expect(errors).toHaveLength(1);
    expect(errors[0].layer).toBe('main');
  });
});

describe('Scheduler.commitAhead', () => {
  it('commits up to the next cycle boundary at most, so a cycle swap still lands on it', async () => {
    const { scheduler, events, run, clock } = setup(1);
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    run(10.3);
    scheduler.commitAhead(5);
    expect(scheduler.committedUntil).toBeCloseTo(10 + START_DELAY + 1, 9);
    expect(events.at(-1)!.cycle).toBe(0.875);
    clock.advance(0.6); // a stall longer than the look-ahead: nothing is lost
    scheduler.setLayers(await layers('s("sd*8")'));
    run(12.5);
    const cycles = events.map((e) => round(e.cycle));
    expect(cycles.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => i / 8));
    expect(events.filter((e) => e.cycle < 1).every((e) => sound(e) === 'bd')).toBe(true);
    expect(events.filter((e) => e.cycle >= 1).every((e) => sound(e) === 'sd')).toBe(true);
    expect(scheduler.stats.late).toBe(0);
  });

  it('takes the next boundary when the swap is asked for after its own has passed (a slow evaluation), and the old layers play on till then', async () => {
    const { scheduler, events, run, clock } = setup(1);
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    run(10.3);
    scheduler.commitAhead(5); // up to cycle 1, at 11.05
    clock.advance(0.9); // the evaluation blocked the thread past it
    scheduler.setLayers(await layers('s("sd*8")'));
    run(13.5);
    const between = events.filter((e) => e.cycle >= 1 && e.cycle < 2);
    expect(between.length).toBeGreaterThan(4);
    expect(between.every((e) => sound(e) === 'bd')).toBe(true);
    const next = events.filter((e) => e.cycle >= 2 && e.cycle < 3);
    expect(next.map((e) => round(e.cycle))).toEqual(Array.from({ length: 8 }, (_, i) => 2 + i / 8)); // the new code's first cycle whole
    expect(next.every((e) => sound(e) === 'sd')).toBe(true);
  });
});

describe('swaps after committing ahead', () => {
  /** The scheduler's output through the page's hold: what the sound engine gets. */
  function played() {
    const { scheduler, events, clock, timer } = setup(1);
    const hold = new EventHold<ScheduledEvent>(0.2);
    const engine: ScheduledEvent[] = [];
    let taken = 0;
    const tick = () => {
      const fresh = events.splice(0);
      engine.push(...hold.receive(fresh, clock.now()));
    };
    const run = (until: number) => {
      while (clock.now() + 0.02 <= until + 1e-9) {
        clock.advance(0.02);
        timer.fire();
        tick();
      }
    };
    const retract = (at: number, to?: 'grid' | 'cycle') => {
      const cycle = scheduler.retract(at, to);
      if (cycle !== null) taken += hold.retract(cycle);
      return cycle;
    };
    return { scheduler, clock, engine, run, tick, retract, taken: () => taken };
  }

  it('keeps playing through an evaluation that blocks for 0.6 s, then swaps 0.25 s after it ends, with every step played once', async () => {
    const { scheduler, clock, engine, run, tick, retract, taken } = played();
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    run(10.3);
    scheduler.commitAhead(1, { pastBoundary: true }); // to 11.3, past the boundary at 11.05
    tick();
    clock.advance(0.6); // the evaluation blocks the sandbox: no ticks
    const fromCycle = retract(clock.now() + 0.25);
    expect(fromCycle).toBe(Math.ceil((10.9 + 0.25 - 10.05) * 64) / 64);
    expect(taken()).toBeGreaterThan(0);
    scheduler.setLayers(await layers('s("sd*8")'), { swap: 'now' });
    tick();
    run(12.5);
    const cycles = engine.map((e) => round(e.cycle));
    expect(cycles).toEqual(Array.from({ length: cycles.length }, (_, i) => i / 8)); // no gap, no step twice
    expect(cycles.length).toBeGreaterThan(18);
    expect(engine.filter((e) => e.cycle < fromCycle!).every((e) => sound(e) === 'bd')).toBe(true);
    expect(engine.filter((e) => e.cycle >= fromCycle!).every((e) => sound(e) === 'sd')).toBe(true);
    expect(engine.every((e) => e.audioTime >= 10.05 - 1e-9)).toBe(true);
  });

  it('in cycle mode: an evaluation that blocks across the boundary loses no onset there, and a quick one still swaps on it', async () => {
    for (const [from, blocks, swapAt] of [[10.7, 0.6, 2], [10.5, 0.05, 1]] as const) {
      const { scheduler, clock, engine, run, tick, retract } = played();
      scheduler.setLayers(await layers('s("bd*8")'));
      scheduler.start();
      run(from); // cycle 1 starts at 11.05
      scheduler.commitAhead(1, { pastBoundary: true });
      tick();
      clock.advance(blocks);
      const fromCycle = retract(clock.now() + 0.25, 'cycle');
      expect(fromCycle).toBe(swapAt === 1 ? 1 : null);
      scheduler.setLayers(await layers('s("sd*8")'));
      tick();
      run(13.5);
      const cycles = engine.map((e) => round(e.cycle));
      expect(cycles).toEqual(Array.from({ length: cycles.length }, (_, i) => i / 8));
      expect(engine.filter((e) => e.cycle < swapAt).every((e) => sound(e) === 'bd')).toBe(true);
      expect(engine.filter((e) => e.cycle >= swapAt).every((e) => sound(e) === 'sd')).toBe(true);
    }
  });

  it('takes nothing back when the evaluation used the guard up, or when nothing was committed ahead', async () => {
    const { scheduler, clock, run, retract } = played();
    scheduler.setLayers(await layers('s("bd*8")'));
    scheduler.start();
    run(10.3);
    expect(retract(clock.now() + 0.25)).toBeNull(); // only the look-ahead (0.1 s) was committed
    scheduler.commitAhead(1, { pastBoundary: true });
    clock.advance(0.9);
    expect(retract(clock.now() + 0.25)).toBeNull(); // 0.1 s of the guard left
  });
});

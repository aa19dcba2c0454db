/**
 * A simulated live set (the soak run behind `npm run soak` and its short test): a drone layer
 * plays throughout while the code is re-evaluated again and again, with `.continue()` calls whose
 * seeds change (so the model keeps generating), through the AI host and the scheduler, on a
 * virtual clock. It measures what a set must not do: let the heap grow, leak tensors in the
 * model's worker, or leave a gap in the drone.
 */
import { createNodeAiHost } from '../../src/ai/client/node.ts';
import { installAiTransformers } from '../../src/ai/transformers/install.ts';
import { ManualClock, ManualTimer, Scheduler, type ScheduledEvent } from '../../src/scheduler/index.ts';

export interface SoakOptions {
  evaluations: number;
  /** Virtual seconds between evaluations. */
  secondsApart: number;
  /** Evaluations before the heap's baseline is taken (caches fill, code is compiled). */
  warmup: number;
  gc: () => void;
}

export interface SoakReport {
  evaluations: number;
  virtualMinutes: number;
  heapBaselineMb: number;
  heapEndMb: number;
  heapGrowth: number;
  workerTensorsBaseline: number;
  workerTensorsEnd: number;
  /** Drone onsets missing: the drone plays every quarter cycle; each missing one is a gap. */
  droneGaps: number;
  errors: string[];
}

const TUNES = [
  (seed: number) => `$: note("c2").s("sawtooth").lpf(300).fast(4) // drone\n$: note("c4 d4 e4 g4").s("triangle").continue({ seed: ${seed} })`,
  (seed: number) => `$: note("c2").s("sawtooth").lpf(300).fast(4) // drone\n$: n("0 2 4 <5 7>").scale("C:minor").continue({ seed: ${seed}, cycles: 2 })`,
  (seed: number) => `$: note("c2").s("sawtooth").lpf(300).fast(4) // drone\n$: s("bd*4, hh*8").gain(0.5)\n$: note("<[e4 g4] [a4 c5]>").continue({ seed: ${seed} }).continue({ seed: ${seed + 1} })`,
];

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 100) / 100;

export async function soak(options: SoakOptions): Promise<SoakReport> {
  const host = createNodeAiHost();
  installAiTransformers(host);
  const clock = new ManualClock(0);
  const timer = new ManualTimer(0.01);
  const drone: number[] = [];
  const errors: string[] = [];
  const scheduler = new Scheduler({
    clock,
    timer,
    cps: 1,
    output: (event: ScheduledEvent) => {
      if (event.layer === '$0') drone.push(event.cycle);
    },
    onError: (error) => errors.push(error.message),
  });
  host.setClock(() => scheduler.cycleAt(clock.now()));
  const heap = (): number => {
    options.gc();
    return process.memoryUsage().heapUsed;
  };
  let baseline = 0;
  let tensorsBaseline = 0;
  try {
    for (let i = 0; i < options.evaluations; i++) {
      const result = await host.evaluate(TUNES[i % TUNES.length]!(i)); // a new seed each time: the model generates
      if (result.errors.length) errors.push(result.errors[0]!.message);
      else scheduler.setLayers(result.layers, { swap: 'cycle' });
      if (!scheduler.playing) scheduler.start();
      // Play on: tick the virtual clock; the worker answers in real time meanwhile.
      for (let t = 0; t < options.secondsApart / timer.intervalSeconds; t++) {
        clock.advance(timer.intervalSeconds);
        timer.fire();
        if (t % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (i === options.warmup - 1) {
        await host.settled();
        baseline = heap();
        tensorsBaseline = (await host.client.memory()).numTensors;
      }
    }
    await host.settled();
    const end = heap();
    const tensors = (await host.client.memory()).numTensors;
    scheduler.stop();
    // The drone: one onset every quarter cycle from its first to its last.
    const first = Math.min(...drone);
    const last = Math.max(...drone);
    const expected = Math.round((last - first) * 4) + 1;
    const heard = new Set(drone.map((cycle) => Math.round(cycle * 4))).size;
    return {
      evaluations: options.evaluations,
      virtualMinutes: Math.round((clock.now() / 60) * 10) / 10,
      heapBaselineMb: mb(baseline),
      heapEndMb: mb(end),
      heapGrowth: Math.round(((end - baseline) / baseline) * 10000) / 10000,
      workerTensorsBaseline: tensorsBaseline,
      workerTensorsEnd: tensors,
      droneGaps: expected - heard,
      errors: [...new Set(errors)],
    };
  } finally {
    await host.dispose();
  }
}

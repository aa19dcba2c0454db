/**
 * Test page for the browser player: exposes `window.motifPlayerTest`, which test/audio-browser.test.ts
 * drives through Playwright to listen to the master bus.
 */
import { createBrowserPlayer, type Player } from '../../src/player/index.ts';
import type { MidiOutputs } from '../../src/midi-out/outputs.ts';
import type { MotifError } from '../../src/runtime/result.ts';

interface Listening {
  rms: number;
  peak: number;
  /** Frequency of the loudest spectrum bin. */
  peakHz: number;
  /** Shares of the spectrum's power (last analyser frame) above 2 kHz and below 500 Hz. */
  above2k: number;
  below500: number;
}

let player: Player | null = null;
const warnings: string[] = [];
const errors: MotifError[] = [];
let events = 0;
const eventLog: { audioTime: number; at: number; value: string }[] = [];

const midiSent: { output: number; bytes: number[]; atMs: number; sentAtMs: number }[] = [];

function fakeOutputs(names: string[]): MidiOutputs {
  return {
    names: () => [...names],
    send: (output, bytes, atMs) => void midiSent.push({ output, bytes: [...bytes], atMs, sentAtMs: performance.now() }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function need(): Player {
  if (!player) throw new Error('call motifPlayerTest.start() first');
  return player;
}

/** Listens to the master bus for `ms`: RMS and peak over every analyser frame, loudest bin at the end. */
async function listen(ms: number): Promise<Listening> {
  const { analyser, audioContext } = need();
  const frame = new Float32Array(analyser.fftSize);
  let sum = 0;
  let count = 0;
  let peak = 0;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    analyser.getFloatTimeDomainData(frame);
    for (const x of frame) {
      sum += x * x;
      peak = Math.max(peak, Math.abs(x));
    }
    count += frame.length;
    await sleep(Math.min(40, (analyser.fftSize / audioContext.sampleRate) * 1000 * 0.9));
  }
  const spectrum = new Float32Array(analyser.frequencyBinCount);
  analyser.getFloatFrequencyData(spectrum);
  let best = 0;
  for (let i = 1; i < spectrum.length; i++) if (spectrum[i] > spectrum[best]) best = i;
  const binHz = audioContext.sampleRate / analyser.fftSize;
  let total = 0;
  let above2k = 0;
  let below500 = 0;
  spectrum.forEach((db, i) => {
    const power = 10 ** (db / 10);
    total += power;
    if (i * binHz > 2000) above2k += power;
    if (i * binHz < 500) below500 += power;
  });
  return {
    rms: Math.sqrt(sum / Math.max(1, count)),
    peak,
    peakHz: best * binHz,
    above2k: total > 0 ? above2k / total : 0,
    below500: total > 0 ? below500 / total : 0,
  };
}

const motifPlayerTest = {
  /** `fakeMidiOutputs`: the names of pretend MIDI outputs, whose messages go to `midiSent()` (default: the browser's Web MIDI). */
  async start(options: { lookAheadSeconds?: number; fakeMidiOutputs?: string[] } = {}) {
    const { fakeMidiOutputs, ...playerOptions } = options;
    const openMidi = fakeMidiOutputs ? async () => fakeOutputs(fakeMidiOutputs) : undefined;
    player = await createBrowserPlayer({ ...playerOptions, openMidi });
    player.onWarning((message) => warnings.push(message));
    player.onError((error) => errors.push(error));
    player.onEvent((event) => {
      events++;
      eventLog.push({ audioTime: event.audioTime, at: player!.audioContext.currentTime, value: JSON.stringify(event.hap.value) });
      if (eventLog.length > 8) eventLog.shift();
    });
    const context = player.audioContext;
    return { sampleRate: context.sampleRate, state: context.state, baseLatency: context.baseLatency, outputLatency: context.outputLatency };
  },
  async play(code: string, swap: 'cycle' | 'now' = 'cycle') {
    const result = await need().evaluate(code, { swap });
    return { errors: result.errors, layers: result.layers.map((layer) => layer.id), state: need().audioContext.state };
  },
  listen,
  stop() {
    need().stop();
  },
  /** Stops, then returns the peak of the master output from `afterMs` after the stop on. */
  async stopAndListen(afterMs: number) {
    const { analyser, audioContext } = need();
    need().stop();
    const stoppedAt = audioContext.currentTime;
    await sleep(afterMs + 100); // the analyser frame (~170 ms) then still covers the moment of the stop
    const frame = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(frame);
    const end = audioContext.currentTime;
    let peak = 0;
    let before = 0;
    frame.forEach((x, i) => {
      const time = end - (frame.length - i) / audioContext.sampleRate;
      if (time >= stoppedAt + afterMs / 1000) peak = Math.max(peak, Math.abs(x));
      else if (time < stoppedAt) before = Math.max(before, Math.abs(x));
    });
    return { peak, before, coveredMs: (frame.length / audioContext.sampleRate) * 1000 };
  },
  status() {
    const p = need();
    const context = p.audioContext;
    return {
      playing: p.playing,
      cycle: p.cycleNow(),
      events,
      warnings: [...warnings],
      eventLog: [...eventLog],
      stats: p.stats,
      now: context.currentTime,
      errors: [...errors],
      state: context.state,
      baseLatency: context.baseLatency,
      outputLatency: context.outputLatency,
    };
  },
  /**
   * For bench/scheduler.bench.ts: evaluates `runs` times in `now` mode, a pattern with an onset
   * every 1/64 cycle, and returns for each run the seconds from evaluate() resolving (on the audio
   * clock) to the new pattern's first scheduled onset.
   */
  async swapLatencies(runs: number, cps: number, jankMs = 0) {
    const p = need();
    // Optional main-thread load: a busy loop of `jankMs` every 50 ms (rendering, editing, …).
    const jank = jankMs > 0 ? setInterval(() => {
      const until = performance.now() + jankMs;
      while (performance.now() < until);
    }, 50) : null;
    const context = p.audioContext;
    const latencies: number[] = [];
    let wanted = -1;
    let onset: number | null = null;
    const off = p.onEvent((event) => {
      const value = event.hap.value as { n?: number };
      if (value.n === wanted && onset === null) onset = event.audioTime;
    });
    await p.evaluate(`setcps(${cps})\ns("hh*64").n(0).gain(0.2)`, { swap: 'now' });
    for (let n = 1; n <= runs; n++) {
      await sleep(40 + Math.random() * 80);
      wanted = n;
      onset = null;
      await p.evaluate(`setcps(${cps})\ns("hh*64").n(${n}).gain(0.2)`, { swap: 'now' });
      // The player resolves right after handing the new layers to the scheduler.
      const resolvedAt = context.currentTime;
      while (onset === null) await sleep(2);
      latencies.push(onset - resolvedAt);
    }
    off();
    if (jank !== null) clearInterval(jank);
    p.stop();
    return { latencies, events: p.stats.committed, late: p.stats.late, baseLatency: context.baseLatency, outputLatency: context.outputLatency, sampleRate: context.sampleRate };
  },
  /** What the fake MIDI outputs received (see `start`). */
  midiSent() {
    return [...midiSent];
  },
  /** The page's `performance.now()`, the MIDI clock. */
  performanceNow() {
    return performance.now();
  },
  clearLog() {
    warnings.length = 0;
    errors.length = 0;
    events = 0;
  },
};

declare global {
  interface Window {
    motifPlayerTest: typeof motifPlayerTest;
  }
}
window.motifPlayerTest = motifPlayerTest;
document.body.dataset.ready = 'true';

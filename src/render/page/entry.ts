/**
 * The offline render page (bundled by esbuild, runs in headless Chromium): renders notes with
 * Motif's sound engine (src/audio: superdough, the drum kit, the master limiter) into an
 * OfflineAudioContext, scheduling them just in time, one chunk ahead (suspend/resume), which is
 * far faster than scheduling everything up front. A fresh page per render: superdough keeps its
 * controller and node pools per context.
 *
 * The same request gives the same samples on the same Chromium build: `Math.random` is seeded
 * (here and in the worklet scope), voices get fresh nodes (disableNodeReuse), and every chunk
 * waits, before the render resumes, for superdough's own impulse renders and for the messages it
 * sent to worklet voices (worklet-barrier.ts). Chromium may still sum simultaneous voices in
 * another order: dense mixes agree to within 1 LSB.
 */
import { loadWorklets, setAudioContext } from 'superdough';
import { registerDefaultSounds } from '../../audio/index.ts';
import { createMasterBus } from '../../audio/master-bus.ts';
import { seededRandom, seedScript } from '../prng.ts';
import { BARRIER_PROCESSOR_SCRIPT, workletBarrier } from './worklet-barrier.ts';
import { PCM_DOWNLOAD_NAME, RENDER_FUNCTION, type RenderRequest, type RenderResponse } from '../protocol.ts';

/** `renderSizeHint` is recent (Chromium 13x) and missing from TypeScript's DOM types; older browsers ignore it. */
function contextOptions(options: OfflineAudioContextOptions, renderQuantum: number): OfflineAudioContextOptions {
  return renderQuantum === 128 ? options : ({ ...options, renderSizeHint: renderQuantum } as OfflineAudioContextOptions);
}

/**
 * superdough reuses filter and worklet nodes from a pool (held through WeakRefs) once a voice's
 * `ended` event releases them. Those events reach the page at moments that vary from run to run
 * relative to the offline render, so which node a note gets, and when a node is released while
 * another note may already hold it, varies too: a note could come out different or silent
 * (measured: 1 render in 3 of a 16-note melody at a 1024-frame quantum). This page makes every
 * pooled node look collected, so each note gets fresh nodes and a render is repeatable.
 */
function disableNodeReuse(): void {
  const NativeWeakRef = WeakRef;
  class NoAudioNodeWeakRef<T extends WeakKey> extends NativeWeakRef<T> {
    override deref(): T | undefined {
      const target = super.deref();
      return target instanceof AudioNode ? undefined : target;
    }
  }
  globalThis.WeakRef = NoAudioNodeWeakRef as WeakRefConstructor;
}

/**
 * How many frames the master bus delays its input (Chromium's DynamicsCompressorNode looks 6 ms
 * ahead). Measured, not assumed: an impulse through a master bus on a tiny offline context.
 */
async function masterLatencyFrames(sampleRate: number, renderQuantum: number): Promise<number> {
  const probe = new OfflineAudioContext(contextOptions({ numberOfChannels: 1, length: 4096, sampleRate }, renderQuantum));
  const impulse = new AudioBuffer({ numberOfChannels: 1, length: 1, sampleRate });
  impulse.getChannelData(0)[0] = 0.1;
  const source = new AudioBufferSourceNode(probe, { buffer: impulse });
  source.connect(createMasterBus(probe).input);
  source.start(0);
  const output = (await probe.startRendering()).getChannelData(0);
  const first = output.findIndex((sample) => Math.abs(sample) > 1e-6);
  return first < 0 ? 0 : first;
}

/**
 * Interleaved 16-bit PCM of the buffer from frame `skip` on (the master bus latency), and its peak
 * before clamping. One tight loop per channel.
 */
function toPcm(buffer: AudioBuffer, skip: number): { pcm: Int16Array; peak: number } {
  const channels = buffer.numberOfChannels;
  const frames = buffer.length - skip;
  const pcm = new Int16Array(frames * channels);
  let peak = 0;
  for (let c = 0; c < channels; c++) {
    const data = buffer.getChannelData(c).subarray(skip);
    for (let i = 0, j = c; i < frames; i++, j += channels) {
      const sample = data[i]!;
      if (sample > peak) peak = sample;
      else if (-sample > peak) peak = -sample;
      const scaled = sample >= 1 ? 32767 : sample <= -1 ? -32767 : sample * 32767;
      pcm[j] = scaled >= 0 ? scaled + 0.5 : scaled - 0.5; // the store truncates: this rounds half away from zero
    }
  }
  return { pcm, peak };
}

/**
 * Hands the samples to the driver as a browser download: Chromium writes the file itself, which is
 * 10-20× faster than returning megabytes of base64 through the DevTools protocol.
 */
function download(pcm: Int16Array): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([pcm.buffer as ArrayBuffer], { type: 'application/octet-stream' }));
  link.download = PCM_DOWNLOAD_NAME;
  document.body.append(link);
  link.click();
}

/**
 * superdough renders reverb impulses on small OfflineAudioContexts of its own and sets the
 * convolver's buffer when they complete: a race with our render. This page (and only it) counts
 * those renders, so each chunk waits for them before it resumes and the result is deterministic.
 * Returns a function that resolves once none is pending.
 */
function trackAuxiliaryRenders(): () => Promise<void> {
  const pending = new Set<Promise<void>>();
  class TrackedOfflineAudioContext extends OfflineAudioContext {
    override startRendering(): Promise<AudioBuffer> {
      // Resolves in a task after the `complete` event, so superdough's own handler has run.
      const done = new Promise<void>((resolve) => this.addEventListener('complete', () => setTimeout(resolve, 0), { once: true }));
      pending.add(done);
      void done.then(() => pending.delete(done));
      return super.startRendering();
    }
  }
  globalThis.OfflineAudioContext = TrackedOfflineAudioContext;
  return async () => {
    while (pending.size) await Promise.all([...pending]);
  };
}

/** How long a render waits for the code's sample maps (an unreachable host may hang till then). */
const SAMPLE_MAP_TIMEOUT_SECONDS = 30;

async function render(request: RenderRequest): Promise<RenderResponse> {
  const started = performance.now();
  Math.random = seededRandom(request.seed);
  disableNodeReuse();
  // The master bus delays the output by `latency` frames: render that much longer and drop the
  // first `latency` frames, so that an event's onset lands on its own sample in the file.
  const latency = await masterLatencyFrames(request.sampleRate, request.renderQuantum);
  const context = new OfflineAudioContext(
    contextOptions({ numberOfChannels: 2, length: request.frames + latency, sampleRate: request.sampleRate }, request.renderQuantum),
  );
  const auxiliaryRendersDone = trackAuxiliaryRenders();
  setAudioContext(context); // the worklets below load on this context
  // superdough's AudioWorklets (shape, crush, supersaw, envelopes, …; ≈50 ms), after a module that
  // seeds Math.random in the worklet scope too (supersaw phases).
  const seed = URL.createObjectURL(new Blob([seedScript(request.seed), BARRIER_PROCESSOR_SCRIPT], { type: 'text/javascript' }));
  await context.audioWorklet.addModule(seed);
  const workletMessagesHandled = workletBarrier(context);
  await loadWorklets();
  // The browser's sound: superdough, the procedural drum kit and the master limiter (src/audio).
  // Only the drums the notes play are synthesized.
  const engine = await registerDefaultSounds(context, { worklets: false, drums: request.drums }); // worklets loaded above
  const problems = new Set<string>();
  engine.onWarning((message) => problems.add(message));
  // The code's sample maps, loaded before anything is scheduled; one that fails warns, naming it.
  for (const { map, baseUrl } of request.sampleMaps) void engine.samples(map, baseUrl);
  await engine.settled(SAMPLE_MAP_TIMEOUT_SECONDS);
  const setupMs = performance.now() - started;

  const { notes, cps, chunkFrames, sampleRate } = request;
  const frames = request.frames + latency;
  let next = 0;
  let scheduleMs = 0;
  const scheduleUntil = async (seconds: number) => {
    const began = performance.now();
    while (next < notes.length && notes[next]!.time < seconds) {
      const note = notes[next++]!;
      await engine.playHap(note.value, note.time, note.duration, cps, note.cycle); // never throws; warns once per sound
    }
    await auxiliaryRendersDone();
    // Overlapped, the notes use no worklet voices (quantum.ts), and the worklet thread, busy
    // rendering, would answer late.
    if (!request.overlapScheduling) await workletMessagesHandled();
    scheduleMs += performance.now() - began;
  };
  // The render stops at every chunk boundary (a multiple of the render quantum: superdough skips
  // notes before currentTime) to schedule the next chunk's notes: just in time, which renders far
  // faster than scheduling everything up front (fewer idle nodes in the graph). Invariant: when the
  // render stops at stops[k], every note before stops[k + 1] is scheduled. In step, the page
  // schedules them while the render is stopped; overlapped, it schedules them while the render
  // plays chunk k, on the other core (see quantum.ts for when that is safe).
  const stops: number[] = [];
  for (let frame = chunkFrames; frame < frames; frame += chunkFrames) stops.push(frame);
  const until = (index: number) => (index < stops.length ? stops[index]! / sampleRate : Number.POSITIVE_INFINITY);
  let failure: unknown = null;
  const schedule = (index: number) => scheduleUntil(until(index)).catch((error: unknown) => void (failure ??= error));
  await schedule(0);
  let pending = request.overlapScheduling ? schedule(1) : Promise.resolve();
  const suspendAt = (index: number) => {
    if (index >= stops.length) return;
    context
      .suspend(stops[index]! / sampleRate)
      .then(async () => {
        if (!request.overlapScheduling) pending = schedule(index + 1);
        await pending;
        suspendAt(index + 1);
        await context.resume();
        if (request.overlapScheduling) pending = schedule(index + 2);
      })
      .catch((error: unknown) => (failure ??= error));
  };
  suspendAt(0);
  const buffer = await context.startRendering();
  await pending;
  if (failure) throw failure;
  const rendered = performance.now();
  const { pcm, peak } = toPcm(buffer, latency);
  download(pcm);
  const encodeMs = performance.now() - rendered;
  const noteErrors = [...problems];
  return { peak, noteErrors, channels: buffer.numberOfChannels, frames: buffer.length - latency, latencyFrames: latency, setupMs, renderMs: rendered - started - setupMs, scheduleMs, encodeMs };
}

(globalThis as unknown as Record<string, unknown>)[RENDER_FUNCTION] = render;

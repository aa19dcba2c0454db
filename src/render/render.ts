/**
 * Offline rendering from Node: notes on the audio clock → stereo 16-bit PCM, rendered by
 * superdough in headless Chromium, as the browser plays them.
 */
import type { OfflineRenderer } from './browser.ts';
import { drumsUsed } from './drums.ts';
import { overlapsScheduling, renderQuantumFor } from './quantum.ts';
import type { RenderRequest } from './protocol.ts';
import type { RenderPlan } from './schedule.ts';
import type { SampleMapRequest } from '../audio/sample-maps.ts';

export interface RenderOptions {
  sampleRate?: number;
  /** Seconds rendered after the last cycle, for releases and reverb. */
  tailSeconds?: number;
  seed?: number;
  /** Frames scheduled ahead; rounded to a multiple of the render quantum (superdough skips notes in the past). */
  chunkFrames?: number;
  /** Sample maps to load first (the code's `samples(…)` calls). */
  sampleMaps?: SampleMapRequest[];
  /** A renderer to reuse (one browser, a fresh page per render); launched and closed if absent. */
  renderer?: OfflineRenderer;
}

export interface RenderedAudio {
  sampleRate: number;
  channels: number;
  frames: number;
  /** Interleaved samples. */
  pcm: Int16Array;
  peak: number;
  /** Master bus latency the page compensated, frames. */
  latencyFrames: number;
  /** What the page logged as warnings, and the notes superdough refused. */
  warnings: string[];
  noteErrors: string[];
  timings: { setupMs: number; renderMs: number; scheduleMs: number; encodeMs: number };
}

export const DEFAULT_SAMPLE_RATE = 48_000;
export const DEFAULT_SEED = 0x6d6f7466; // "motf"

export async function renderPlan(plan: RenderPlan, options: RenderOptions = {}): Promise<RenderedAudio> {
  const sampleRate = options.sampleRate ?? DEFAULT_SAMPLE_RATE;
  const frames = Math.max(128, Math.ceil((plan.seconds + (options.tailSeconds ?? 1)) * sampleRate));
  const values = plan.notes.map((note) => note.value);
  const renderQuantum = renderQuantumFor(values);
  const chunkFrames = Math.max(renderQuantum, Math.round((options.chunkFrames ?? 12_288) / renderQuantum) * renderQuantum);
  const request: RenderRequest = {
    notes: plan.notes,
    cps: plan.cps,
    sampleRate,
    frames,
    chunkFrames,
    seed: options.seed ?? DEFAULT_SEED,
    renderQuantum,
    overlapScheduling: overlapsScheduling(values),
    drums: drumsUsed(values),
    sampleMaps: options.sampleMaps ?? [],
  };
  const renderer = options.renderer ?? (await (await import('./browser.ts')).launchRenderer());
  try {
    const response = await renderer.render(request);
    return {
      sampleRate,
      channels: response.channels,
      frames: response.frames,
      pcm: response.pcm,
      peak: response.peak,
      latencyFrames: response.latencyFrames,
      warnings: response.warnings,
      noteErrors: response.noteErrors,
      timings: { setupMs: response.setupMs, renderMs: response.renderMs, scheduleMs: response.scheduleMs, encodeMs: response.encodeMs },
    };
  } finally {
    if (!options.renderer) await renderer.close();
  }
}

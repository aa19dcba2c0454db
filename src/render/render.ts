/**
 * Offline rendering from Node: notes on the audio clock → stereo 16-bit PCM, rendered by
 * superdough in headless Chromium, as the browser plays them.
 */
import { launchRenderer, type OfflineRenderer } from './browser.ts';
import type { RenderRequest } from './protocol.ts';
import type { RenderPlan } from './schedule.ts';

export interface RenderOptions {
  sampleRate?: number;
  /** Seconds rendered after the last cycle, for releases and reverb. */
  tailSeconds?: number;
  seed?: number;
  /** Frames scheduled ahead; rounded to a multiple of 128 (superdough skips notes in the past). */
  chunkFrames?: number;
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

/** Patterns that need superdough's AudioWorklets (loading them costs time, so only when used). */
const WORKLET_CONTROLS = ['shape', 'distort', 'crush', 'coarse', 'supersaw', 'pulse', 'byteBeat', 'bytebeat'];

function needsWorklets(plan: RenderPlan): boolean {
  return plan.notes.some((note) => WORKLET_CONTROLS.some((name) => name in note.value || note.value.s === name));
}

export const DEFAULT_SAMPLE_RATE = 48_000;
export const DEFAULT_SEED = 0x6d6f7466; // "motf"

export async function renderPlan(plan: RenderPlan, options: RenderOptions = {}): Promise<RenderedAudio> {
  const sampleRate = options.sampleRate ?? DEFAULT_SAMPLE_RATE;
  const chunkFrames = Math.max(128, Math.round((options.chunkFrames ?? 12_288) / 128) * 128);
  const frames = Math.max(128, Math.ceil((plan.seconds + (options.tailSeconds ?? 1)) * sampleRate));
  const request: RenderRequest = {
    notes: plan.notes,
    cps: plan.cps,
    sampleRate,
    frames,
    chunkFrames,
    seed: options.seed ?? DEFAULT_SEED,
    worklets: needsWorklets(plan),
  };
  const renderer = options.renderer ?? (await launchRenderer());
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

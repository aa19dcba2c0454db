/** What the Node driver sends to the render page and gets back. Plain data: it crosses CDP as JSON. */
import type { DrumSelection } from '../audio/drums/kit.ts';
import type { RenderNote } from './schedule.ts';
import type { SampleMapRequest } from '../audio/sample-maps.ts';

export interface RenderRequest {
  notes: RenderNote[];
  cps: number;
  sampleRate: number;
  /** Total length of the render, frames. */
  frames: number;
  /** Notes are scheduled just in time, this many frames ahead (a multiple of `renderQuantum`). */
  chunkFrames: number;
  /** Frames Chromium renders at a time (its `renderSizeHint`; 128 is the standard; see quantum.ts). */
  renderQuantum: number;
  /** Schedule each chunk's notes while the render plays the chunk before (see quantum.ts), not while it waits. */
  overlapScheduling: boolean;
  seed: number;
  /** The drums (and variations) the notes play: the page synthesizes only these. */
  drums: DrumSelection;
  /** The code's `samples(…)` calls: the page loads these maps before it schedules anything. */
  sampleMaps: SampleMapRequest[];
}

/**
 * The samples come back as a browser download of this name: interleaved 16-bit PCM, little-endian.
 * The function's return value carries the rest.
 */
export const PCM_DOWNLOAD_NAME = 'motif-render.pcm';

export interface RenderResponse {
  channels: number;
  frames: number;
  /** The sound engine's warnings (e.g. a sound that is not loaded), each once. */
  noteErrors: string[];
  /** The master bus latency that the render compensated (frames rendered early and dropped). */
  latencyFrames: number;
  /** Largest absolute sample before conversion (1 = full scale). */
  peak: number;
  /** Milliseconds spent inside the page: setting up, rendering (scheduling included), scheduling alone, and converting to PCM. */
  setupMs: number;
  renderMs: number;
  scheduleMs: number;
  encodeMs: number;
}

/** Name of the function the page installs on `globalThis`. */
export const RENDER_FUNCTION = 'motifRender';

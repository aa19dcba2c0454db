/**
 * Small DSP building blocks for the procedural drum kit: a seeded noise source, RBJ biquad filters
 * and envelopes, all writing into Float32Arrays. Pure: no Web Audio, so Node tests can analyse them.
 */
import { mulberry32 } from '../../util/mulberry32.ts';
import type { Hertz, Seconds } from './units.ts';

/** Deterministic white noise in [-1, 1). */
export function seededNoise(seed: number): () => number {
  const random = mulberry32(seed);
  return () => random() * 2 - 1;
}

export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** Filters `input` in place with a second-order RBJ biquad. */
export function biquad(input: Float32Array, sampleRate: number, type: FilterType, frequency: Hertz, q = Math.SQRT1_2): Float32Array {
  const w0 = (2 * Math.PI * Math.min(frequency, sampleRate * 0.45)) / sampleRate;
  const alpha = Math.sin(w0) / (2 * q);
  const cos = Math.cos(w0);
  let b0: number, b1: number, b2: number;
  if (type === 'lowpass') [b0, b1, b2] = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
  else if (type === 'highpass') [b0, b1, b2] = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  else [b0, b1, b2] = [alpha, 0, -alpha];
  const a0 = 1 + alpha;
  const a1 = -2 * cos;
  const a2 = 1 - alpha;
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    const y = (b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    input[i] = y;
  }
  return input;
}

/** `exp(-t / decay)`, from 1 at t = 0. */
export function expDecay(t: Seconds, decay: Seconds): number {
  return Math.exp(-t / decay);
}

/** A fade-out over the last `seconds`, so a sound never ends on a click. */
export function fadeOutTail(samples: Float32Array, sampleRate: number, seconds: Seconds = 0.005): Float32Array {
  const n = Math.min(samples.length, Math.round(seconds * sampleRate));
  for (let i = 0; i < n; i++) samples[samples.length - 1 - i] *= i / n;
  return samples;
}

/** Scales so the peak is `peak` (never above 1). */
export function normalize(samples: Float32Array, peak = 0.9): Float32Array {
  let max = 0;
  for (const value of samples) max = Math.max(max, Math.abs(value));
  if (max === 0) return samples;
  const gain = Math.min(peak, 1) / max;
  for (let i = 0; i < samples.length; i++) samples[i] *= gain;
  return samples;
}

/** Adds `source` scaled by `gain` into `target`. */
export function mixInto(target: Float32Array, source: Float32Array, gain = 1): Float32Array {
  const n = Math.min(target.length, source.length);
  for (let i = 0; i < n; i++) target[i] += source[i] * gain;
  return target;
}

/** Noise shaped by an exponential decay. */
export function noiseBurst(length: number, sampleRate: number, seed: number, decay: Seconds): Float32Array {
  const random = seededNoise(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = random() * expDecay(i / sampleRate, decay);
  return out;
}

/**
 * A sine whose frequency glides exponentially from `start` to `end` (time constant `sweep`),
 * under an exponential amplitude decay: the body of kicks and toms.
 */
export function sweptSine(length: number, sampleRate: number, start: Hertz, end: Hertz, sweep: Seconds, decay: Seconds): Float32Array {
  const out = new Float32Array(length);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    const frequency = end + (start - end) * Math.exp(-t / sweep);
    phase += (2 * Math.PI * frequency) / sampleRate;
    out[i] = Math.sin(phase) * expDecay(t, decay);
  }
  return out;
}

/** A sum of square waves at inharmonic frequencies: the metallic source of hats and cymbals. */
export function metallic(length: number, sampleRate: number, frequencies: readonly Hertz[]): Float32Array {
  const out = new Float32Array(length);
  for (const frequency of frequencies) {
    const period = sampleRate / frequency;
    for (let i = 0; i < length; i++) out[i] += (i % period) < period / 2 ? 1 : -1;
  }
  for (let i = 0; i < length; i++) out[i] /= frequencies.length;
  return out;
}

export function applyDecay(samples: Float32Array, sampleRate: number, decay: Seconds, attack: Seconds = 0): Float32Array {
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate;
    const rise = attack > 0 ? Math.min(1, t / attack) : 1;
    samples[i] *= rise * expDecay(t, decay);
  }
  return samples;
}

/**
 * A plain-TypeScript synth for offline renders without a browser: the basic waveforms through an
 * optional 2-pole lowpass and a linear ADSR, mixed into stereo Float32Arrays. It approximates
 * superdough's synths (same envelope defaults and levels) but is not the browser's engine; the
 * render benchmark uses it as the comparison route.
 */
import type { RenderNote } from '../schedule.ts';
import { noteFrequency } from './frequency.ts';

export interface PlainRender {
  sampleRate: number;
  left: Float32Array;
  right: Float32Array;
  /** Notes skipped because their sound is not a basic waveform. */
  skipped: number;
}

/** Fills `out` with one waveform from phase 0; returns false for an unknown waveform. */
function oscillate(shape: string, out: Float32Array, length: number, step: number): boolean {
  let phase = 0;
  switch (shape) {
    case 'sine':
      for (let i = 0; i < length; i++, phase += step) out[i] = Math.sin(2 * Math.PI * (phase - Math.floor(phase)));
      return true;
    case 'triangle':
      for (let i = 0; i < length; i++, phase += step) {
        const p = phase - Math.floor(phase);
        out[i] = p < 0.5 ? 4 * p - 1 : 3 - 4 * p;
      }
      return true;
    case 'square':
      for (let i = 0; i < length; i++, phase += step) out[i] = phase - Math.floor(phase) < 0.5 ? 1 : -1;
      return true;
    case 'sawtooth':
    case 'saw':
      for (let i = 0; i < length; i++, phase += step) out[i] = 2 * (phase - Math.floor(phase)) - 1;
      return true;
    default:
      return false;
  }
}

function num(value: Record<string, unknown>, name: string, fallback: number): number {
  const field = value[name];
  return typeof field === 'number' && Number.isFinite(field) ? field : fallback;
}

/** Lowpass biquad coefficients (RBJ cookbook), normalized. */
function lowpass(cutoff: number, q: number, sampleRate: number): [number, number, number, number, number] {
  const w0 = (2 * Math.PI * Math.min(cutoff, sampleRate * 0.45)) / sampleRate;
  const alpha = Math.sin(w0) / (2 * q);
  const cos = Math.cos(w0);
  const a0 = 1 + alpha;
  const b1 = (1 - cos) / a0;
  return [b1 / 2, b1, b1 / 2, (-2 * cos) / a0, (1 - alpha) / a0];
}

export function renderPlain(notes: RenderNote[], seconds: number, sampleRate: number): PlainRender {
  const frames = Math.ceil(seconds * sampleRate);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  let scratch = new Float32Array(sampleRate);
  let skipped = 0;
  for (const note of notes) {
    const value = note.value;
    const frequency = noteFrequency(value);
    const start = Math.round(note.time * sampleRate);
    const release = num(value, 'release', 0.01);
    const length = Math.min(frames - start, Math.ceil((note.duration + release) * sampleRate));
    if (frequency === null || length <= 0) {
      skipped++;
      continue;
    }
    if (scratch.length < length) scratch = new Float32Array(length);
    if (!oscillate(typeof value.s === 'string' ? value.s : 'triangle', scratch, length, frequency / sampleRate)) {
      skipped++;
      continue;
    }
    const cutoff = num(value, 'cutoff', num(value, 'lpf', 0));
    if (cutoff > 0) {
      const [b0, b1, b2, a1, a2] = lowpass(cutoff, num(value, 'resonance', num(value, 'lpq', 1)), sampleRate);
      let x1 = 0;
      let x2 = 0;
      let y1 = 0;
      let y2 = 0;
      for (let i = 0; i < length; i++) {
        const x = scratch[i]!;
        const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        scratch[i] = y;
      }
    }
    // Linear ADSR, as superdough's synths: attack to 1, decay to sustain, hold, release to 0.
    const attack = Math.max(1, Math.round(num(value, 'attack', 0.001) * sampleRate));
    const decay = Math.max(1, Math.round(num(value, 'decay', 0.05) * sampleRate));
    const sustain = num(value, 'sustain', 0.6);
    const hold = Math.round(note.duration * sampleRate);
    const releaseFrames = Math.max(1, Math.round(release * sampleRate));
    const level = 0.3 * num(value, 'gain', 0.8) * num(value, 'velocity', 1);
    const pan = Math.min(1, Math.max(0, num(value, 'pan', 0.5)));
    const leftLevel = level * Math.cos((pan * Math.PI) / 2) * Math.SQRT2;
    const rightLevel = level * Math.sin((pan * Math.PI) / 2) * Math.SQRT2;
    const envelopeAt = (i: number) => (i < attack ? i / attack : i < attack + decay ? 1 - ((1 - sustain) * (i - attack)) / decay : sustain);
    const releaseFrom = envelopeAt(hold);
    for (let i = 0; i < length; i++) {
      const envelope = i < hold ? envelopeAt(i) : Math.max(0, releaseFrom * (1 - (i - hold) / releaseFrames));
      const sample = scratch[i]! * envelope;
      left[start + i]! += sample * leftLevel;
      right[start + i]! += sample * rightLevel;
    }
  }
  return { sampleRate, left, right, skipped };
}

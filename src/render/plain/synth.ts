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

type Wave = (phase: number) => number;

const waves: Record<string, Wave> = {
  sine: (p) => Math.sin(2 * Math.PI * p),
  triangle: (p) => (p < 0.5 ? 4 * p - 1 : 3 - 4 * p),
  square: (p) => (p < 0.5 ? 1 : -1),
  sawtooth: (p) => 2 * p - 1,
  saw: (p) => 2 * p - 1,
};

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
  let skipped = 0;
  for (const note of notes) {
    const value = note.value;
    const wave = waves[typeof value.s === 'string' ? value.s : 'triangle'];
    const frequency = noteFrequency(value);
    if (!wave || frequency === null) {
      skipped++;
      continue;
    }
    const attack = num(value, 'attack', 0.001);
    const decay = num(value, 'decay', 0.05);
    const sustain = num(value, 'sustain', 0.6);
    const release = num(value, 'release', 0.01);
    const level = 0.3 * num(value, 'gain', 0.8) * num(value, 'velocity', 1);
    const pan = Math.min(1, Math.max(0, num(value, 'pan', 0.5)));
    const leftLevel = level * Math.cos((pan * Math.PI) / 2) * Math.SQRT2;
    const rightLevel = level * Math.sin((pan * Math.PI) / 2) * Math.SQRT2;
    const cutoff = num(value, 'cutoff', num(value, 'lpf', 0));
    const [b0, b1, b2, a1, a2] = cutoff > 0 ? lowpass(cutoff, num(value, 'resonance', num(value, 'lpq', 1)), sampleRate) : [1, 0, 0, 0, 0];
    const start = Math.round(note.time * sampleRate);
    const hold = note.duration;
    const end = Math.min(frames, start + Math.ceil((hold + release) * sampleRate));
    const step = frequency / sampleRate;
    let phase = 0;
    let x1 = 0;
    let x2 = 0;
    let y1 = 0;
    let y2 = 0;
    let releaseFrom = sustain;
    for (let i = start; i < end; i++) {
      const t = (i - start) / sampleRate;
      let envelope: number;
      if (t < hold) {
        envelope = t < attack ? t / attack : t < attack + decay ? 1 - ((1 - sustain) * (t - attack)) / decay : sustain;
        releaseFrom = envelope;
      } else envelope = releaseFrom * Math.max(0, 1 - (t - hold) / release);
      const x = wave(phase);
      phase += step;
      if (phase >= 1) phase -= 1;
      const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      const sample = y * envelope;
      left[i]! += sample * leftLevel;
      right[i]! += sample * rightLevel;
    }
  }
  return { sampleRate, left, right, skipped };
}

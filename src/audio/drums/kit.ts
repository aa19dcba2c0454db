/**
 * Motif's built-in drum kit, synthesized from nothing so it works offline: `bd sd hh oh cp rim lt
 * mt ht cr rd`, each with a few variations that `n` selects. Deterministic (seeded noise) and pure.
 */
import {
  applyDecay,
  biquad,
  fadeOutTail,
  metallic,
  mixInto,
  noiseBurst,
  normalize,
  sweptSine,
} from './dsp.ts';
import type { Hertz, Seconds } from './units.ts';

export const DRUM_NAMES = ['bd', 'sd', 'hh', 'oh', 'cp', 'rim', 'lt', 'mt', 'ht', 'cr', 'rd'] as const;
export type DrumName = (typeof DRUM_NAMES)[number];

/** Drum name → variation indices: what a render synthesizes (drums absent from it are left out). */
export type DrumSelection = Partial<Record<DrumName, readonly number[]>>;

type Voice = (sampleRate: number, seed: number) => Float32Array;

const samplesFor = (seconds: Seconds, sampleRate: number) => Math.round(seconds * sampleRate);

function kick(start: Hertz, end: Hertz, decay: Seconds, click: number): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(decay * 5, sampleRate);
    const body = sweptSine(length, sampleRate, start, end, 0.03, decay);
    const transient = biquad(noiseBurst(length, sampleRate, seed, 0.004), sampleRate, 'lowpass', 3000);
    return mixInto(body, transient, click);
  };
}

function snare(tone: Hertz, noiseDecay: Seconds, toneLevel: number): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(noiseDecay * 5, sampleRate);
    const body = sweptSine(length, sampleRate, tone * 1.6, tone, 0.01, 0.06);
    const rattle = biquad(noiseBurst(length, sampleRate, seed, noiseDecay), sampleRate, 'highpass', 1200);
    biquad(rattle, sampleRate, 'lowpass', 9000);
    return mixInto(rattle, body, toneLevel);
  };
}

/** Square partials in the ratios of the classic analogue cymbal circuit, scaled to taste. */
const CYMBAL_PARTIALS: readonly Hertz[] = [205.3, 304.4, 369.6, 522.7, 540, 800];

function hat(decay: Seconds, scale: number, highpass: Hertz): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(Math.max(decay * 5, 0.03), sampleRate);
    const metal = metallic(length, sampleRate, CYMBAL_PARTIALS.map((f) => f * scale));
    mixInto(metal, noiseBurst(length, sampleRate, seed, 10), 0.5);
    biquad(metal, sampleRate, 'highpass', highpass);
    biquad(metal, sampleRate, 'highpass', highpass);
    return applyDecay(metal, sampleRate, decay, 0.0005);
  };
}

function clap(spread: Seconds, tail: Seconds): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(tail * 5 + spread * 3, sampleRate);
    const out = new Float32Array(length);
    for (let burst = 0; burst < 4; burst++) {
      const offset = samplesFor(burst * spread, sampleRate);
      const decay = burst === 3 ? tail : 0.006;
      const hit = noiseBurst(length - offset, sampleRate, seed + burst, decay);
      mixInto(out.subarray(offset), hit);
    }
    return biquad(out, sampleRate, 'bandpass', 1200, 1.2);
  };
}

function rim(tone: Hertz): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(0.08, sampleRate);
    const ping = sweptSine(length, sampleRate, tone, tone, 1, 0.012);
    const snap = biquad(noiseBurst(length, sampleRate, seed, 0.004), sampleRate, 'bandpass', 3500, 1.5);
    return mixInto(ping, snap, 1.5);
  };
}

function tom(pitch: Hertz, decay: Seconds): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(decay * 5, sampleRate);
    const body = sweptSine(length, sampleRate, pitch * 1.6, pitch, 0.05, decay);
    const skin = biquad(noiseBurst(length, sampleRate, seed, 0.02), sampleRate, 'bandpass', pitch * 4, 1);
    return mixInto(body, skin, 0.3);
  };
}

function cymbal(decay: Seconds, scale: number, highpass: Hertz, bell: Hertz | null): Voice {
  return (sampleRate, seed) => {
    const length = samplesFor(decay * 4, sampleRate);
    const wash = metallic(length, sampleRate, CYMBAL_PARTIALS.map((f) => f * scale));
    mixInto(wash, noiseBurst(length, sampleRate, seed, 100), 0.6);
    biquad(wash, sampleRate, 'highpass', highpass);
    biquad(wash, sampleRate, 'highpass', highpass);
    if (bell !== null) mixInto(wash, sweptSine(length, sampleRate, bell, bell, 1, decay * 0.6), 0.25);
    return applyDecay(wash, sampleRate, decay, 0.001);
  };
}

const KIT: Record<DrumName, readonly Voice[]> = {
  bd: [kick(160, 50, 0.18, 0.25), kick(120, 42, 0.4, 0.1), kick(220, 60, 0.09, 0.4)],
  sd: [snare(185, 0.07, 0.8), snare(220, 0.12, 0.5), snare(160, 0.045, 1.1)],
  hh: [hat(0.025, 1, 7000), hat(0.045, 1.3, 8000), hat(0.015, 0.9, 6500)],
  oh: [hat(0.22, 1, 6500), hat(0.35, 1.2, 7000)],
  cp: [clap(0.011, 0.06), clap(0.014, 0.12)],
  rim: [rim(1700), rim(2100)],
  lt: [tom(95, 0.22), tom(80, 0.3)],
  mt: [tom(140, 0.18), tom(120, 0.24)],
  ht: [tom(210, 0.15), tom(180, 0.2)],
  cr: [cymbal(0.6, 1.1, 4000, null), cymbal(0.9, 1.4, 3500, null)],
  rd: [cymbal(0.45, 1.7, 5000, 3200), cymbal(0.6, 2.1, 5500, 2600)],
};

/** How many variations `n` cycles through for each drum. */
export function drumVariations(name: DrumName): number {
  return KIT[name].length;
}

/**
 * One drum hit as mono samples at `sampleRate`, peak 0.9, ending in silence. `variation` wraps
 * around (as `n` does for sample banks). The same arguments always give the same samples.
 */
export function synthesizeDrum(name: DrumName, variation: number, sampleRate: number): Float32Array {
  const voices = KIT[name];
  const index = ((Math.floor(variation) % voices.length) + voices.length) % voices.length;
  const seed = 1000 * (DRUM_NAMES.indexOf(name) + 1) + index;
  return fadeOutTail(normalize(voices[index](sampleRate, seed), 0.9), sampleRate);
}

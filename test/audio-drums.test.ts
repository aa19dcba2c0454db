import { describe, expect, it } from 'vitest';
import { DRUM_NAMES, drumVariations, synthesizeDrum, type DrumName } from '../src/audio/drums/kit.ts';
import { encodeWav } from '../src/audio/drums/wav.ts';

const RATE = 48000;

/** Share of the energy below `cutoff` Hz, from a DFT of the first 8192 samples (zero-padded). */
function energyBelow(samples: Float32Array, cutoff: number): number {
  const n = 8192;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < Math.min(n, samples.length); i++) re[i] = samples[i];
  fft(re, im);
  let low = 0;
  let total = 0;
  for (let k = 1; k < n / 2; k++) {
    const energy = re[k] * re[k] + im[k] * im[k];
    total += energy;
    if ((k * RATE) / n < cutoff) low += energy;
  }
  return low / total;
}

function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const angle = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const cos = Math.cos(angle * k);
        const sin = Math.sin(angle * k);
        const a = start + k;
        const b = a + size / 2;
        const tr = re[b] * cos - im[b] * sin;
        const ti = re[b] * sin + im[b] * cos;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

const peak = (samples: Float32Array) => samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);

describe('drum kit', () => {
  it.each(DRUM_NAMES.map((name) => [name]))('%s: every variation is finite, sensible in length, loud, unclipped, ends silent', (name) => {
    for (let n = 0; n < drumVariations(name as DrumName); n++) {
      const samples = synthesizeDrum(name as DrumName, n, RATE);
      expect(samples.every(Number.isFinite)).toBe(true);
      expect(samples.length / RATE).toBeGreaterThan(0.03);
      expect(samples.length / RATE).toBeLessThan(4);
      expect(peak(samples)).toBeGreaterThan(0.5);
      expect(peak(samples)).toBeLessThanOrEqual(0.9 + 1e-6);
      expect(Math.abs(samples[samples.length - 1])).toBeLessThan(1e-3);
    }
  });

  it('puts the kick below 150 Hz and the toms low', () => {
    for (let n = 0; n < drumVariations('bd'); n++) expect(energyBelow(synthesizeDrum('bd', n, RATE), 150)).toBeGreaterThan(0.6);
    expect(energyBelow(synthesizeDrum('lt', 0, RATE), 300)).toBeGreaterThan(0.5);
  });

  it('puts hats and cymbals above 5 kHz', () => {
    for (const name of ['hh', 'oh', 'cr'] as const) {
      for (let n = 0; n < drumVariations(name); n++) expect(1 - energyBelow(synthesizeDrum(name, n, RATE), 5000)).toBeGreaterThan(0.6);
    }
  });

  it('puts the snare between kick and hats', () => {
    const snare = synthesizeDrum('sd', 0, RATE);
    expect(energyBelow(snare, 150)).toBeLessThan(0.2);
    expect(energyBelow(snare, 10000)).toBeGreaterThan(0.6);
  });

  it('keeps open hats longer than closed hats', () => {
    expect(synthesizeDrum('oh', 0, RATE).length).toBeGreaterThan(3 * synthesizeDrum('hh', 0, RATE).length);
  });

  it('is deterministic, with variations that differ and wrap around', () => {
    expect(synthesizeDrum('sd', 1, RATE)).toEqual(synthesizeDrum('sd', 1, RATE));
    expect(synthesizeDrum('hh', 0, RATE)).not.toEqual(synthesizeDrum('hh', 1, RATE));
    expect(synthesizeDrum('bd', drumVariations('bd'), RATE)).toEqual(synthesizeDrum('bd', 0, RATE));
    expect(synthesizeDrum('bd', -1, RATE)).toEqual(synthesizeDrum('bd', drumVariations('bd') - 1, RATE));
  });

  it('follows the sample rate', () => {
    expect(synthesizeDrum('bd', 0, 44100).length / 44100).toBeCloseTo(synthesizeDrum('bd', 0, RATE).length / RATE, 3);
  });
});

describe('encodeWav', () => {
  it('writes a 16-bit mono PCM file with the samples', () => {
    const wav = new DataView(encodeWav(new Float32Array([0, 0.5, -1, 2]), 44100));
    const text = (offset: number) => String.fromCharCode(...new Uint8Array(wav.buffer, offset, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(wav.getUint32(24, true)).toBe(44100);
    expect(wav.getUint16(34, true)).toBe(16);
    expect(wav.getUint32(40, true)).toBe(8);
    expect([0, 1, 2, 3].map((i) => wav.getInt16(44 + 2 * i, true))).toEqual([0, 16384, -32767, 32767]);
  });
});

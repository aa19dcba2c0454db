import { describe, expect, it } from 'vitest';
import { CEILING, ceilingCurve } from '../src/audio/master-bus.ts';
import { bankFallback, isRest, soundName } from '../src/audio/sound-name.ts';
import { OnceWarnings } from '../src/audio/warnings.ts';

describe('OnceWarnings', () => {
  it('emits one warning per key, to every listener, until unsubscribed', () => {
    const warnings = new OnceWarnings();
    const a: string[] = [];
    const b: string[] = [];
    const offB = warnings.listen((m) => b.push(m));
    warnings.listen((m) => a.push(m));
    expect(warnings.warn('piano', 'Sound "piano" is not loaded')).toBe(true);
    for (let i = 0; i < 50; i++) warnings.warn('piano', 'Sound "piano" is not loaded');
    offB();
    warnings.warn('gm_flute', 'Sound "gm_flute" is not loaded');
    expect(a).toEqual(['Sound "piano" is not loaded', 'Sound "gm_flute" is not loaded']);
    expect(b).toEqual(['Sound "piano" is not loaded']);
  });
});

describe('soundName', () => {
  it('resolves sounds as superdough does: bank prefix, lower case, triangle by default', () => {
    expect(soundName({ s: 'bd' })).toBe('bd');
    expect(soundName({ s: 'bd', bank: 'RolandTR909' })).toBe('rolandtr909_bd');
    expect(soundName({ note: 'c4' })).toBe('triangle');
    expect(isRest(soundName({ s: '~' }))).toBe(true);
    expect(isRest(soundName({ s: 'sd' }))).toBe(false);
  });

  it("plays a missing bank's drums from the loaded plain sounds, and nothing else", () => {
    const loaded = new Set(['bd', 'sd', 'mybank_bd']);
    const isLoaded = (name: string) => loaded.has(name);
    expect(bankFallback({ s: 'bd', bank: 'RolandTR909', gain: 0.5 }, isLoaded)).toEqual({ bank: 'RolandTR909', value: { s: 'bd', gain: 0.5 } });
    expect(bankFallback({ s: 'bd', bank: 'mybank' }, isLoaded)).toBeNull(); // the bank is loaded
    expect(bankFallback({ s: 'bd' }, isLoaded)).toBeNull(); // no bank
    expect(bankFallback({ s: 'cowbell', bank: 'RolandTR909' }, isLoaded)).toBeNull(); // missing either way
  });
});

describe('the master ceiling curve', () => {
  const curve = ceilingCurve();
  const input = (i: number) => ((i / (curve.length - 1)) * 2 - 1) * 4;

  it('never exceeds the ceiling, whatever the input', () => {
    expect(Math.max(...curve.map(Math.abs))).toBeLessThanOrEqual(CEILING + 1e-6); // float32
    expect(curve[curve.length - 1]).toBeGreaterThan(CEILING - 0.01);
  });

  it('is transparent for quiet signals and rises monotonically', () => {
    for (let i = 0; i < curve.length; i++) {
      if (Math.abs(input(i)) <= 0.8) expect(curve[i]).toBeCloseTo(input(i), 6);
      if (i > 0) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
    }
  });
});

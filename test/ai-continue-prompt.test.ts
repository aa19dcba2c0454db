import { describe, expect, it } from 'vitest';
import { findCallSites } from '../src/ai/transformers/call-sites.ts';
import { generatedNotes } from '../src/ai/transformers/continuation.ts';
import { parseContinueOptions, scalePitchClasses } from '../src/ai/transformers/options.ts';
import { detectPeriod, hapsToNotes, onsetHaps, pitchOf } from '../src/ai/transformers/prompt.ts';
import { evaluate } from '../src/runtime/evaluate.ts';

async function pattern(code: string) {
  const result = await evaluate(code);
  expect(result.errors).toEqual([]);
  return result.pattern!;
}

describe('default prompt: the period of the source', () => {
  const cases: [string, number][] = [
    ['note("c4 d4 e4 g4")', 1],
    ['note("<c4 d4 e4 g4>")', 4],
    ['n("0 2 4 <5 7>").scale("C:minor")', 2],
    ['note("<c4 e4> <g4 a4 b4>")', 6],
    ['note("c4 d4").slow(3)', 3],
    ['note("<c4 e4>/2")', 4],
    ['note("c4*8").degradeBy(0.5)', 16],
    ['silence', 1],
  ];
  for (const [code, period] of cases) {
    it(`${code} → ${period}`, async () => {
      expect(detectPeriod(await pattern(code))).toBe(period);
    });
  }
});

describe('reading pitches and notes from events', () => {
  it('reads note names, MIDI numbers, freq and bare values; n alone is unpitched', () => {
    expect(pitchOf({ note: 'c4' })).toBe(60);
    expect(pitchOf({ note: 'Eb3' })).toBe(51);
    expect(pitchOf({ note: 62.2 })).toBe(62);
    expect(pitchOf({ freq: 440 })).toBe(69);
    expect(pitchOf('a4')).toBe(69);
    expect(pitchOf(64)).toBe(64);
    expect(pitchOf({ n: 3, s: 'bd' })).toBeNull();
    expect(pitchOf({ s: 'bd' })).toBeNull();
  });

  it('puts events on the step grid', async () => {
    const haps = onsetHaps(await pattern('note("c4 [d4 e4] ~ g4@0.5")'), 0, 1);
    expect(hapsToNotes(haps, 16)).toEqual([
      { pitch: 60, startStep: 0, endStep: 5 },
      { pitch: 62, startStep: 5, endStep: 7 },
      { pitch: 64, startStep: 7, endStep: 9 },
      { pitch: 67, startStep: 14, endStep: 16 },
    ]);
  });
});

describe('options', () => {
  it('fills in defaults', () => {
    expect(parseContinueOptions(undefined)).toEqual({
      prompt: undefined,
      cycles: undefined,
      temperature: 1,
      seed: 0,
      steps: 16,
      scale: undefined,
      allowedPitchClasses: undefined,
      mode: 'append',
      model: undefined,
    });
  });

  it('parses scales as .scale() does', () => {
    expect(scalePitchClasses('C:minor')).toEqual([0, 2, 3, 5, 7, 8, 10]);
    expect(scalePitchClasses('D:dorian')).toEqual([2, 4, 5, 7, 9, 11, 0]);
    expect(scalePitchClasses('Eb:major')).toEqual([3, 5, 7, 8, 10, 0, 2]);
    expect(scalePitchClasses('minor')).toBeNull();
    expect(scalePitchClasses('C:nonsense')).toBeNull();
  });

  it('rejects bad values, naming the option', () => {
    expect(() => parseContinueOptions({ cycles: 0 })).toThrow('.continue(): option `cycles`: must be a positive integer, got 0');
    expect(() => parseContinueOptions({ prompt: 2.5 })).toThrow('option `prompt`');
    expect(() => parseContinueOptions({ temperature: -1 })).toThrow('option `temperature`: must be a number > 0, got -1');
    expect(() => parseContinueOptions({ seed: 'x' })).toThrow('option `seed`');
    expect(() => parseContinueOptions({ steps: 0 })).toThrow('option `steps`');
    expect(() => parseContinueOptions({ model: '' })).toThrow('option `model`');
    expect(() => parseContinueOptions(3)).toThrow('.continue(): expects an options object');
  });
});

describe('call positions', () => {
  it('finds every .continue( member call in order of appearance, from its dot to its closing parenthesis', () => {
    const code = 'stack(a.continue({ x: 1 }), b?.continue())\n  .continue( )\nfoo.continued()';
    const sites = findCallSites(code, 'continue');
    expect(sites.map(({ from, to }) => code.slice(from, to))).toEqual([
      '.continue({ x: 1 })',
      '?.continue()',
      '.continue( )',
    ]);
  });

  it('gives no positions for code that does not parse', () => {
    expect(findCallSites('note("c4").continue(', 'continue')).toEqual([]);
  });
});

describe('decoding the continuation', () => {
  const range = { minPitch: 48, maxPitch: 83 };

  it('sounds the primer\'s last note again where the model holds it, and shifts octaves back', async () => {
    const haps = onsetHaps(await pattern('note("c4 d4").s("piano")'), 0, 1);
    // primer: c4 (event 14) for 2 steps, off, then d4 (16) held to the end; continuation: hold 2, e4 (18) 2
    const notes = generatedNotes([0, 0, 18, 0], [14, 0, 1, 0, 16, 0, 0, 0], range, 12, haps, 1, 8);
    expect(notes).toEqual([
      { pitch: 50, note: 'd3', startStep: 0, endStep: 2, controls: { s: 'piano' } },
      { pitch: 52, note: 'e3', startStep: 2, endStep: 4, controls: { s: 'piano' } },
    ]);
  });

  it('starts with a rest where the primer ended in silence', () => {
    const notes = generatedNotes([0, 0, 18, 0], [14, 0, 1, 0], range, 0, [], 1, 4);
    expect(notes).toEqual([{ pitch: 64, note: 64, startStep: 2, endStep: 4, controls: {} }]);
  });

  it('writes pitches as the source does: names in its key and case, or MIDI numbers', async () => {
    const written = async (code: string, events: number[]): Promise<Array<string | number>> => {
      const haps = onsetHaps(await pattern(code), 0, 1);
      return generatedNotes(events, [14, 0, 0, 0], range, 0, haps, 1, 4).map((n) => n.note);
    };
    // Events 15, 17, 22: pitches 61, 63, 68 (c#4/db4, d#4/eb4, g#4/ab4).
    expect(await written('note("eb4 g4 bb4 ab4")', [17, 22, 15, 0])).toEqual(['eb4', 'ab4', 'db4']);
    expect(await written('note("e4 g#4 b4 c#5")', [17, 22, 15, 0])).toEqual(['d#4', 'g#4', 'c#4']);
    expect(await written('n("0 2 4 5").scale("C:minor")', [17, 22, 15, 0])).toEqual(['Eb4', 'Ab4', 'Db4']);
    expect(await written('note("63 67 70 68")', [17, 22, 15, 0])).toEqual([63, 68, 61]);
  });
});

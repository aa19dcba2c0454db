/**
 * The continuation decoder (pure), against a fake network: the key estimate on a few notes, bars
 * that never copy a short prompt, sequence steps, the hand-made variation of last resort, and the
 * same events for the same seed.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_PITCH_EVENT, NO_EVENT, NOTE_OFF, eventDepth, notesToEvents, type MelodyNote } from '../src/ai/encodings/melody.ts';
import { barCopyKind, splitBars } from '../src/ai/melody/continuation-metrics.ts';
import { breakCopy, rhythmOf, sequenceStep } from '../src/ai/melody/bars.ts';
import { decodeContinuation, type StepSession } from '../src/ai/melody/decode.ts';
import { estimatePromptKey, moveByDegrees, spellInKey } from '../src/ai/melody/key.ts';

const range = { minPitch: 48, maxPitch: 95 };
const depth = eventDepth(range);
const on = (pitch: number): number => FIRST_PITCH_EVENT + pitch - range.minPitch;
const quarters = (pitches: number[]): MelodyNote[] => pitches.map((pitch, i) => ({ pitch, startStep: 4 * i, endStep: 4 * i + 4 }));

/**
 * A network that has learnt one thing: to repeat, step for step, what it heard one bar earlier
 * (the worst case for copying), with a little probability on every other event.
 */
function echoSession(stepsPerBar: number): StepSession<number[]> & { fed: number[] } {
  let fed: number[] = [];
  return {
    get fed() {
      return fed;
    },
    distribution() {
      const probs = new Array<number>(depth).fill(0.002);
      const echo = fed[fed.length - stepsPerBar];
      if (echo !== undefined) probs[echo] = 1;
      return probs;
    },
    feed: (event) => void fed.push(event),
    mark: () => [...fed],
    restore: (mark) => void (fed = [...mark]),
    release: () => undefined,
  };
}

describe('estimatePromptKey', () => {
  it.each([
    [[60, 62, 64, 67], 'C major'],
    [[60, 64, 67, 69], 'C major'],
    [[48, 51, 55, 56], 'C minor'],
    [[64, 65, 67, 64], 'E phrygian'],
    [[62, 66, 69, 73], 'D major'],
    [[57, 60, 64, 68, 69], 'A harmonic minor'],
  ])('%j → %s', (pitches, name) => {
    const key = estimatePromptKey(quarters(pitches));
    expect(`${key.tonicName} ${key.mode}`).toBe(name);
    expect(key.coverage).toBe(1);
  });

  it('spells pitches in the key', () => {
    const eb = estimatePromptKey(quarters([63, 67, 70, 68]));
    expect([61, 63, 68, 70].map((p) => spellInKey(p, eb))).toEqual(['Db4', 'Eb4', 'Ab4', 'Bb4']);
    const e = estimatePromptKey(quarters([64, 68, 71, 73]));
    expect([61, 63, 66, 68].map((p) => spellInKey(p, e))).toEqual(['C#4', 'D#4', 'F#4', 'G#4']);
  });

  it('moves pitches by scale steps across octaves', () => {
    const c = { pitchClasses: [0, 2, 4, 5, 7, 9, 11] };
    expect([1, 2, -1, 7, -8].map((d) => moveByDegrees(60, d, c))).toEqual([62, 64, 59, 72, 47]);
    expect(moveByDegrees(61, 1, c)).toBeNull();
  });
});

describe('decodeContinuation', () => {
  const oneBar = notesToEvents(quarters([60, 62, 64, 67]), 16, range);

  it('never copies a bar of a short prompt, even from a network that only echoes', () => {
    for (let seed = 0; seed < 30; seed++) {
      const session = echoSession(16);
      const out = decodeContinuation(session, oneBar, range, { steps: 64, temperature: 1, seed, stepsPerBar: 16 });
      expect(out).toHaveLength(64);
      expect(session.fed.slice(oneBar.length)).toEqual(out); // the network heard what was kept
      for (const bar of splitBars(out, 16)) expect(barCopyKind([oneBar], bar)).not.toBe('exact');
    }
  });

  it('gives the same events for the same seed, and others for another', () => {
    const run = (seed: number): number[] => decodeContinuation(echoSession(16), oneBar, range, { steps: 32, temperature: 1, seed, stepsPerBar: 16 });
    expect(run(3)).toEqual(run(3));
    expect(new Set([0, 1, 2, 3, 4].map((seed) => JSON.stringify(run(seed)))).size).toBeGreaterThan(1);
  });

  it('lets a 4-bar prompt be restated phrase by phrase, as fitted on real tunes', () => {
    const fourBars = [oneBar, oneBar.map((e) => (e >= FIRST_PITCH_EVENT ? e + 2 : e)), oneBar, oneBar].flat();
    let copies = 0;
    for (let seed = 0; seed < 20; seed++) {
      const out = decodeContinuation(echoSession(16), fourBars, range, { steps: 64, temperature: 1, seed, stepsPerBar: 16 });
      copies += splitBars(out, 16).filter((bar) => barCopyKind(splitBars(fourBars, 16), bar) === 'exact').length;
    }
    expect(copies).toBeGreaterThan(20);
  });

  it('keeps to the scale option, a hard mask', () => {
    const out = decodeContinuation(echoSession(16), oneBar, range, { steps: 64, temperature: 1, seed: 1, stepsPerBar: 16, allowedPitchClasses: [0, 2, 4, 7, 9] });
    for (const e of out.filter((e) => e >= FIRST_PITCH_EVENT)) expect([0, 2, 4, 7, 9]).toContain((e - FIRST_PITCH_EVENT + range.minPitch) % 12);
  });
});

describe('bar variations', () => {
  const bar = [on(60), NO_EVENT, on(62), NO_EVENT, on(64), NO_EVENT, NOTE_OFF, NO_EVENT];
  const major = [0, 2, 4, 5, 7, 9, 11];

  it('rhythmOf keeps holds and offs and marks onsets', () => {
    expect(rhythmOf(bar)).toEqual([-1, NO_EVENT, -1, NO_EVENT, -1, NO_EVENT, NOTE_OFF, NO_EVENT]);
  });

  it('a sequence step moves every note by scale steps: new intervals, not a transposition', () => {
    const up = sequenceStep(bar, 1, major, range)!;
    expect(up.filter((e) => e >= FIRST_PITCH_EVENT)).toEqual([on(62), on(64), on(65)]);
    expect(barCopyKind([bar], up)).toBeNull();
  });

  it('breakCopy varies an exact copy so that it copies nothing, also a one-note bar', () => {
    const allowed = new Array<boolean>(depth).fill(true);
    const varied = breakCopy(bar, [bar], major, range, allowed)!;
    expect(barCopyKind([bar], varied)).toBeNull();
    const whole = [on(67), NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT];
    const split = breakCopy(whole, [whole], major, range, allowed)!;
    expect(barCopyKind([whole], split)).toBeNull();
    expect(split.filter((e) => e >= FIRST_PITCH_EVENT)).toHaveLength(2);
  });
});

import { describe, expect, test } from 'vitest';
import {
  NOTE_OFF,
  NO_EVENT,
  allowedEventMask,
  eventDepth,
  eventsToNotes,
  extractTopLine,
  notesToEvents,
  transposeEvents,
  transposeIntoRange,
  type MelodyNote,
} from '../src/ai/encodings/melody.ts';
import { splitOf } from '../src/ai/data/split.ts';
import { copiedBarRate, estimateKey, inScaleRatio, isTransposedCopy } from '../src/ai/melody/continuation-metrics.ts';
import { TrigramModel } from '../src/ai/melody/ngram.ts';
import { mulberry32, sampleIndex } from '../src/ai/melody/sampling.ts';
import { sha256Hex } from '../src/ai/melody/sha256.ts';

const range = { minPitch: 48, maxPitch: 83 };
const n = (pitch: number, startStep: number, endStep: number): MelodyNote => ({ pitch, startStep, endStep });

describe('MelodyRNN event encoding', () => {
  test('depth and ids follow Magenta: 0 no event, 1 note off, 2 + pitch - minPitch', () => {
    expect(eventDepth(range)).toBe(38);
    expect(NO_EVENT).toBe(0);
    expect(NOTE_OFF).toBe(1);
    expect(notesToEvents([n(48, 0, 1), n(83, 1, 2)], 2, range)).toEqual([2, 37]);
  });

  test('holds are NO_EVENT, a rest starts with NOTE_OFF', () => {
    const events = notesToEvents([n(60, 0, 3), n(62, 5, 6)], 8, range);
    expect(events).toEqual([14, 0, 0, NOTE_OFF, 0, 16, NOTE_OFF, 0]);
  });

  test('a re-attack of the same pitch is a new note-on, not a hold', () => {
    const events = notesToEvents([n(60, 0, 2), n(60, 2, 4)], 4, range);
    expect(events).toEqual([14, 0, 14, 0]);
    expect(eventsToNotes(events, range)).toEqual([n(60, 0, 2), n(60, 2, 4)]);
  });

  test('round trip notes -> events -> notes, with rests and an offset', () => {
    const notes = [n(60, 2, 4), n(64, 4, 5), n(67, 7, 11), n(72, 11, 12)];
    const events = notesToEvents(notes, 16, range);
    expect(eventsToNotes(events, range)).toEqual(notes);
    expect(eventsToNotes(events.slice(4), range, 4)).toEqual(notes.slice(1));
  });

  test('round trip events -> notes -> events', () => {
    const events = [0, 0, 14, 0, 1, 16, 16, 0, 0, 1, 0, 20];
    expect(notesToEvents(eventsToNotes(events, range), events.length, range)).toEqual(events);
  });

  test('a note still sounding at the end lasts to the end; notes beyond totalSteps are cut', () => {
    expect(eventsToNotes([14, 0, 0], range)).toEqual([n(60, 0, 3)]);
    expect(notesToEvents([n(60, 0, 10), n(62, 12, 14)], 4, range)).toEqual([14, 0, 0, 0]);
  });

  test('a pitch outside the range is an error', () => {
    expect(() => notesToEvents([n(90, 0, 1)], 2, range)).toThrow(/outside 48\.\.83/);
  });
});

describe('top line and transposition', () => {
  test('a chord keeps its top note and is reported polyphonic', () => {
    const { notes, wasPolyphonic } = extractTopLine([n(60, 0, 4), n(64, 0, 4), n(67, 0, 4)]);
    expect(wasPolyphonic).toBe(true);
    expect(notes).toEqual([n(67, 0, 4)]);
  });

  test('a lower note under a held high note is hidden; the bass shows again after it', () => {
    const { notes } = extractTopLine([n(72, 0, 2), n(60, 0, 4)]);
    expect(notes).toEqual([n(72, 0, 2), n(60, 2, 4)]);
  });

  test('a monophonic line passes unchanged, re-attacks included', () => {
    const line = [n(60, 0, 2), n(60, 2, 3), n(62, 4, 6)];
    expect(extractTopLine(line)).toEqual({ notes: line, wasPolyphonic: false });
  });

  test('transposeIntoRange shifts by octaves and folds stragglers', () => {
    const { notes, semitones } = transposeIntoRange([n(90, 0, 1), n(95, 1, 2)], range);
    expect(semitones).toBe(-12);
    expect(notes.map((x) => x.pitch)).toEqual([78, 83]);
    const wide = transposeIntoRange([n(40, 0, 1), n(70, 1, 2)], range);
    expect(wide.notes.every((x) => x.pitch >= 48 && x.pitch <= 83)).toBe(true);
    expect(wide.notes.map((x) => x.pitch % 12)).toEqual([40 % 12, 70 % 12]);
  });

  test('transposeEvents moves note-ons only and refuses to leave the range', () => {
    expect(transposeEvents([14, 0, 1, 16], 3, range)).toEqual([17, 0, 1, 19]);
    expect(transposeEvents([37], 1, range)).toBeNull();
  });

  test('allowedEventMask keeps NO_EVENT and NOTE_OFF and the given pitch classes', () => {
    const mask = allowedEventMask(range, [0, 7]);
    expect(mask[NO_EVENT] && mask[NOTE_OFF]).toBe(true);
    expect(mask[14]).toBe(true); // C4
    expect(mask[15]).toBe(false); // C#4
    expect(mask[21]).toBe(true); // G4
    expect(allowedEventMask(range).every(Boolean)).toBe(true);
  });
});

describe('split, sampling and hashing', () => {
  test('split follows SHA-1(name) mod 10', () => {
    // sha1("a") = 86f7e437faa5a7fce15d1ddcb9eaeaea377667b8
    const bucket = Number(BigInt('0x86f7e437faa5a7fce15d1ddcb9eaeaea377667b8') % 10n);
    expect(splitOf('a')).toBe(bucket <= 7 ? 'train' : bucket === 8 ? 'valid' : 'test');
  });

  test('seeded sampling is deterministic and respects the mask', () => {
    const draw = (seed: number): number[] => {
      const r = mulberry32(seed);
      return Array.from({ length: 20 }, () => sampleIndex([0.2, 0.3, 0.5], r));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const r = mulberry32(1);
    for (let i = 0; i < 50; i++) expect(sampleIndex([0.2, 0.3, 0.5], r, [true, false, false])).toBe(0);
  });

  test('sha256 matches known digests', () => {
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('evaluation helpers', () => {
  test('trigram probabilities sum to 1 and learn a repeated pattern', () => {
    const model = new TrigramModel(5, 1).train([[2, 3, 4, 2, 3, 4, 2, 3, 4]]);
    const p = model.distribution(2, 3);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    expect(p[4]).toBeGreaterThan(0.5);
  });

  test('key estimation finds C major and G major', () => {
    const scale = (root: number): MelodyNote[] => [0, 2, 4, 5, 7, 9, 11, 12, 7, 4, 0].map((d, i) => n(root + d, i * 2, i * 2 + 2));
    expect(estimateKey(scale(60))).toMatchObject({ tonic: 0, mode: 'major' });
    expect(estimateKey(scale(67))).toMatchObject({ tonic: 7, mode: 'major' });
    expect(inScaleRatio([n(60, 0, 1), n(61, 1, 2)], [0, 2, 4, 5, 7, 9, 11])).toBe(0.5);
  });

  test('copied bars count transposed copies but not changed rhythms', () => {
    expect(isTransposedCopy([14, 0, 16, 1], [19, 0, 21, 1])).toBe(true);
    expect(isTransposedCopy([14, 0, 16, 1], [19, 0, 22, 1])).toBe(false);
    expect(isTransposedCopy([14, 0, 16, 1], [19, 21, 0, 1])).toBe(false);
    expect(copiedBarRate([14, 0, 16, 1, 18, 0, 0, 0], [15, 0, 17, 1, 20, 20, 20, 20], 4)).toBe(0.5);
  });
});

/**
 * Musical figures for comparing a melody continuation with its prompt: key fit, note density,
 * pitch range and bars copied from the prompt. Pure.
 */
import { FIRST_PITCH_EVENT, type MelodyNote } from '../encodings/melody.ts';

/** Krumhansl-Kessler key profiles, tonic first. */
export const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
export const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];
const MAJOR_SCALE = [0, 2, 4, 5, 7, 9, 11];
/** Natural minor plus the raised seventh (harmonic minor's leading tone). */
const MINOR_SCALE = [0, 2, 3, 5, 7, 8, 10, 11];

export interface KeyEstimate {
  tonic: number;
  mode: 'major' | 'minor';
  /** Pitch classes of the key's scale. */
  scale: number[];
}

/** Pearson correlation of two equally long lists. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** The key whose Krumhansl-Kessler profile best correlates with the duration-weighted pitch-class histogram. */
export function estimateKey(notes: MelodyNote[]): KeyEstimate {
  const histogram = new Array<number>(12).fill(0);
  for (const n of notes) histogram[((n.pitch % 12) + 12) % 12] += n.endStep - n.startStep;
  let best: KeyEstimate & { r: number } = { tonic: 0, mode: 'major', scale: MAJOR_SCALE, r: -Infinity };
  for (let tonic = 0; tonic < 12; tonic++) {
    for (const mode of ['major', 'minor'] as const) {
      const profile = mode === 'major' ? MAJOR_PROFILE : MINOR_PROFILE;
      const rotated = histogram.map((_, pc) => profile[(pc - tonic + 12) % 12]);
      const r = correlation(histogram, rotated);
      if (r > best.r) {
        const scale = (mode === 'major' ? MAJOR_SCALE : MINOR_SCALE).map((d) => (d + tonic) % 12);
        best = { tonic, mode, scale, r };
      }
    }
  }
  return { tonic: best.tonic, mode: best.mode, scale: best.scale };
}

/** Share of notes (by count) whose pitch class is in `scale`; null without notes. */
export function inScaleRatio(notes: MelodyNote[], scale: number[]): number | null {
  if (notes.length === 0) return null;
  const set = new Set(scale);
  return notes.filter((n) => set.has(((n.pitch % 12) + 12) % 12)).length / notes.length;
}

/** Highest minus lowest pitch (0 without notes). */
export function pitchRange(notes: MelodyNote[]): number {
  if (notes.length === 0) return 0;
  const pitches = notes.map((n) => n.pitch);
  return Math.max(...pitches) - Math.min(...pitches);
}

/** Events of each whole bar. */
export function splitBars(events: number[], stepsPerBar: number): number[][] {
  const bars: number[][] = [];
  for (let s = 0; s + stepsPerBar <= events.length; s += stepsPerBar) bars.push(events.slice(s, s + stepsPerBar));
  return bars;
}

/** True when `b` is `a` moved by one interval (0 included): same rhythm, offs and pitch steps. */
export function isTransposedCopy(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  let shift: number | null = null;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x < FIRST_PITCH_EVENT || y < FIRST_PITCH_EVENT) {
      if (x !== y) return false;
      continue;
    }
    if (shift === null) shift = y - x;
    else if (y - x !== shift) return false;
  }
  return true;
}

export type BarCopyKind = 'exact' | 'transposed';

/**
 * Whether `bar` copies one of `promptBars`: 'exact' (the same events), 'transposed' (the same
 * rhythm and intervals, moved) or null. A bar without a note-on repeats nothing and is never a copy.
 */
export function barCopyKind(promptBars: readonly number[][], bar: readonly number[]): BarCopyKind | null {
  if (!bar.some((e) => e >= FIRST_PITCH_EVENT)) return null;
  let kind: BarCopyKind | null = null;
  for (const p of promptBars) {
    if (p.length === bar.length && p.every((e, i) => e === bar[i])) return 'exact';
    if (isTransposedCopy(p, bar as number[])) kind = 'transposed';
  }
  return kind;
}

/** Share of the continuation's bars that copy (possibly transposed) some bar of the prompt. */
export function copiedBarRate(promptEvents: number[], continuationEvents: number[], stepsPerBar: number): number | null {
  const promptBars = splitBars(promptEvents, stepsPerBar);
  const bars = splitBars(continuationEvents, stepsPerBar);
  if (bars.length === 0) return null;
  return bars.filter((bar) => barCopyKind(promptBars, bar) !== null).length / bars.length;
}

/**
 * Whole bars of MelodyRNN events, varied (pure): a bar's rhythm, a diatonic sequence step, and the
 * smallest change that stops a bar copying a prompt bar.
 */
import { FIRST_PITCH_EVENT, NO_EVENT, type PitchRange } from '../encodings/melody.ts';
import { barCopyKind } from './continuation-metrics.ts';
import { moveByDegrees } from './key.ts';

/** In a rhythm template: a step where a note starts, its pitch left to the network. */
export const ONSET = -1;

/** The rhythm of a bar: note-ons become ONSET, holds and note-offs stay. */
export function rhythmOf(bar: readonly number[]): number[] {
  return bar.map((e) => (e >= FIRST_PITCH_EVENT ? ONSET : e));
}

/** A bar moved by `degrees` scale steps, or null when a note is off the scale or leaves the range. */
export function sequenceStep(bar: readonly number[], degrees: number, scale: readonly number[], range: PitchRange): number[] | null {
  const out: number[] = [];
  for (const e of bar) {
    if (e < FIRST_PITCH_EVENT) {
      out.push(e);
      continue;
    }
    const pitch = e - FIRST_PITCH_EVENT + range.minPitch;
    const moved = moveByDegrees(pitch, degrees, { pitchClasses: [...scale] });
    if (moved === null || moved < range.minPitch || moved > range.maxPitch) return null;
    out.push(moved - range.minPitch + FIRST_PITCH_EVENT);
  }
  return out;
}

/**
 * Varies a bar that copies a prompt bar, by hand: moves one note a scale step (the last first),
 * or, in a bar with one note, splits that note in two. Returns the first variant that copies no
 * prompt bar and keeps to `allowed`, or null.
 */
export function breakCopy(
  bar: readonly number[],
  promptBars: readonly number[][],
  scale: readonly number[],
  range: PitchRange,
  allowed: readonly boolean[],
): number[] | null {
  const onsets = bar.flatMap((e, i) => (e >= FIRST_PITCH_EVENT ? [i] : []));
  const pitchOf = (e: number): number => e - FIRST_PITCH_EVENT + range.minPitch;
  const eventOf = (pitch: number): number | null =>
    pitch < range.minPitch || pitch > range.maxPitch ? null : pitch - range.minPitch + FIRST_PITCH_EVENT;
  const ok = (candidate: number[]): boolean => barCopyKind(promptBars, candidate) === null && candidate.every((e) => allowed[e] !== false);
  /** The bar with the note of step `from` moved `degrees` scale steps and put at step `to`, if that works. */
  const variant = (from: number, to: number, degrees: number): number[] | null => {
    const moved = moveByDegrees(pitchOf(bar[from]!), degrees, { pitchClasses: [...scale] });
    const event = moved === null ? null : eventOf(moved);
    if (event === null) return null;
    const candidate = [...bar];
    candidate[to] = event;
    return ok(candidate) ? candidate : null;
  };
  const moves = [1, -1, 2, -2];
  // A note moved a scale step, the last note first…
  for (const at of [...onsets].reverse()) {
    for (const degrees of moves) {
      const candidate = variant(at, at, degrees);
      if (candidate) return candidate;
    }
  }
  // …or a note split in two, its second half a step away.
  for (const at of onsets) {
    let end = at + 1;
    while (end < bar.length && bar[end] === NO_EVENT) end++;
    const middle = at + Math.floor((end - at) / 2);
    if (middle <= at) continue;
    for (const degrees of moves) {
      const candidate = variant(at, middle, degrees);
      if (candidate) return candidate;
    }
  }
  return null;
}


/**
 * Phrase-level restatement for melody continuations (pure). Folk tunes restate bars of their
 * opening phrase; an LSTM sampling step by step almost never does. Before decoding, each bar of
 * the continuation either restates the prompt bar at the same position in the phrase
 * (continuation bar j restates prompt bar j mod prompt bars) or is left to the model. Forced
 * events are still fed to the model, so its state follows the restated bar.
 */
import { FIRST_PITCH_EVENT, type PitchRange } from '../encodings/melody.ts';
import { rhythmOf, sequenceStep } from './bars.ts';
import { isTransposedCopy, splitBars } from './continuation-metrics.ts';
import { mulberry32 } from './sampling.ts';

/**
 * Chance that a continuation bar restates the prompt bar at the same phrase position, fitted on
 * the Nottingham TRAINING split (4-bar prompts, the next 4 bars) by
 *
 *   node --import ./src/node/register.mjs --import tsx scripts/fit-restate.ts --data ../shared/data/nottingham/MIDI
 *
 * which printed (847 prompts, 3388 bars) samePosition 0.3483 (bars copying, untransposed, the
 * prompt bar at their phrase position), samePositionTransposed 0.3657 and anyCopy 0.3902 (the
 * eval's copiedBarRate on training tunes). Forced bars at the same-position rate, plus the model's
 * own rare copies, land near the real rate.
 */
export const RESTATE_PROBABILITY = 0.348;

/** Salt separating the restatement draws from the model's sampling stream for the same seed. */
const RESTATE_SALT = 0x5eed_ba75;

export interface RestatementOptions {
  /** Grid steps per bar; bars are counted from the primer's first step. */
  stepsPerBar: number;
  /** Continuation length in steps. */
  steps: number;
  seed: number;
  /** Default RESTATE_PROBABILITY. */
  probability?: number;
  /** Pitch events a restated bar may use (a bar with others is left to the model); absent = all. */
  allowed?: readonly boolean[];
}

/**
 * Per continuation step, the forced event or null (the model samples it). Only whole prompt bars
 * are restated; the primer's last whole bars (as many as fit, from its start) form the phrase.
 * Deterministic for a seed.
 */
export function planRestatement(primer: number[], options: RestatementOptions): (number | null)[] {
  const { stepsPerBar, steps, seed } = options;
  const probability = options.probability ?? RESTATE_PROBABILITY;
  const plan = new Array<number | null>(Math.max(0, steps)).fill(null);
  if (!Number.isInteger(stepsPerBar) || stepsPerBar <= 0 || primer.length % stepsPerBar !== 0) return plan;
  const promptBars = splitBars(primer, stepsPerBar);
  if (promptBars.length === 0) return plan;
  const { allowed } = options;
  const usable = (bar: number[]): boolean => allowed === undefined || bar.every((e) => e < FIRST_PITCH_EVENT || allowed[e] === true);
  const random = mulberry32((seed ^ RESTATE_SALT) >>> 0);
  for (let bar = 0; (bar + 1) * stepsPerBar <= steps; bar++) {
    const draw = random();
    const source = promptBars[bar % promptBars.length];
    if (draw >= probability || !usable(source)) continue;
    for (let i = 0; i < stepsPerBar; i++) plan[bar * stepsPerBar + i] = source[i];
  }
  return plan;
}

export interface RestatementFit {
  /** Continuation bars counted. */
  bars: number;
  /** Share copying (transposed copies count) any prompt bar: the eval's copiedBarRate. */
  anyCopy: number;
  /** Share copying, untransposed, the prompt bar at the same phrase position. */
  samePosition: number;
  /** Share copying, possibly transposed, the prompt bar at the same phrase position. */
  samePositionTransposed: number;
}

/** Restatement figures of (prompt, real continuation) pairs, for fitting on training tunes. */
export function fitRestatement(pairs: { prompt: number[]; continuation: number[]; stepsPerBar: number }[]): RestatementFit {
  let bars = 0;
  let anyCopy = 0;
  let same = 0;
  let sameT = 0;
  for (const { prompt, continuation, stepsPerBar } of pairs) {
    const promptBars = splitBars(prompt, stepsPerBar);
    if (promptBars.length === 0) continue;
    splitBars(continuation, stepsPerBar).forEach((bar, j) => {
      bars++;
      const source = promptBars[j % promptBars.length];
      if (promptBars.some((p) => isTransposedCopy(p, bar))) anyCopy++;
      if (isTransposedCopy(source, bar)) sameT++;
      if (source.every((e, i) => e === bar[i])) same++;
    });
  }
  const share = (n: number): number => (bars === 0 ? 0 : n / bars);
  return { bars, anyCopy: share(anyCopy), samePosition: share(same), samePositionTransposed: share(sameT) };
}

export interface VariationFit {
  /** Continuation bars counted (those whose same-position prompt bar has two notes or more). */
  bars: number;
  /** Share with the same rhythm as the prompt bar at their phrase position (copies included). */
  sameRhythm: number;
  /** Share that are a diatonic sequence step (±1 or ±2 scale steps) of that bar, not a transposed copy. */
  sequence: number;
  /** Share that copy that bar exactly, and transposed. */
  exact: number;
  transposed: number;
}

/**
 * How real continuations vary short prompts, for fitting `SHORT_PROMPT_VARIATION`: each pair's
 * `scale` is its tune's key (pitch classes), for sequence steps.
 */
export function fitVariation(
  pairs: { prompt: number[]; continuation: number[]; stepsPerBar: number; scale: readonly number[] }[],
  range: PitchRange,
): VariationFit {
  let bars = 0;
  let sameRhythm = 0;
  let sequence = 0;
  let exact = 0;
  let transposed = 0;
  for (const { prompt, continuation, stepsPerBar, scale } of pairs) {
    const promptBars = splitBars(prompt, stepsPerBar);
    if (promptBars.length === 0) continue;
    splitBars(continuation, stepsPerBar).forEach((bar, j) => {
      const source = promptBars[j % promptBars.length]!;
      if (source.filter((e) => e >= FIRST_PITCH_EVENT).length < 2) return;
      bars++;
      const same = (a: number[], b: number[]): boolean => a.every((e, i) => e === b[i]);
      if (same(rhythmOf(source), rhythmOf(bar))) sameRhythm++;
      if (same(source, bar)) exact++;
      else if (isTransposedCopy(source, bar)) transposed++;
      else if ([1, -1, 2, -2].some((d) => { const step = sequenceStep(source, d, scale, range); return step !== null && same(step, bar); })) sequence++;
    });
  }
  const share = (n: number): number => (bars === 0 ? 0 : n / bars);
  return { bars, sameRhythm: share(sameRhythm), sequence: share(sequence), exact: share(exact), transposed: share(transposed) };
}

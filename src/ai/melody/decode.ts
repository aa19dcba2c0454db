/**
 * How a continuation is decoded from the melody model, step by step (pure: the model is behind
 * `StepSession`, so this runs against any network, or a fake one in tests).
 *
 * - Sampling is seeded on the JS side (the same seed gives the same events in Node and browsers),
 *   within the user's scale when one is given (a hard mask).
 * - The key: a prompt with few notes tells the network little, so note-ons off the prompt's key
 *   (estimated in `key.ts`, which works on four notes) are down-weighted.
 * - Prompts of four bars or more: phrase-level restatement (`restate.ts`), fitted on real tunes.
 * - Shorter prompts: a bar never copies a prompt bar. Each bar is sampled freely, or varies the
 *   prompt bar at its phrase position (that bar's rhythm with new pitches from the network, or a
 *   diatonic sequence step of it), and a bar that comes out as a copy of a prompt bar is sampled
 *   again from the same network state; an exact copy that survives every try is varied by hand.
 */
import { eventsToNotes, FIRST_PITCH_EVENT, NO_EVENT, allowedEventMask, eventDepth, type MelodyNote, type PitchRange } from '../encodings/melody.ts';
import { barCopyKind, splitBars } from './continuation-metrics.ts';
import { estimatePromptKey, keyWeights, moveByDegrees } from './key.ts';
import { planRestatement } from './restate.ts';
import { argmaxIndex, mulberry32, sampleIndex } from './sampling.ts';

/** The network as the decoder drives it: one event in, the next event's distribution out. */
export interface StepSession<Mark = unknown> {
  /** Probabilities of the next event given every event fed so far, at `temperature` (> 0). */
  distribution(temperature: number): ArrayLike<number>;
  feed(event: number): void;
  /** The state now, to come back to with `restore` (until `release`). */
  mark(): Mark;
  restore(mark: Mark): void;
  release(mark: Mark): void;
}

export interface DecodeOptions {
  steps: number;
  /** Softmax temperature; 0 (or less) picks the most probable event. */
  temperature: number;
  seed: number;
  /** Scale constraint: pitch classes 0-11 that note-ons may use (a hard mask). */
  allowedPitchClasses?: number[];
  /** Grid steps per bar of the primer (bars counted from its first step); absent = no bar logic. */
  stepsPerBar?: number;
}

/** Prompts with at least this many whole bars are restated phrase by phrase (`restate.ts`). */
export const PHRASE_BARS = 4;
/** Below this many prompt notes, the key is thin evidence and off-key note-ons are down-weighted. */
export const THIN_PROMPT_NOTES = 16;
/** Weight of an off-key note-on after a thin prompt (1 = the network alone). */
export const OFF_KEY_WEIGHT = 0.1;
/** Tries per bar of a short prompt's continuation before a surviving exact copy is varied by hand. */
export const MAX_BAR_TRIES = 8;

/**
 * Chances that a continuation bar of a short prompt takes the rhythm of the prompt bar at its
 * phrase position (with new pitches), or moves that bar by scale steps (a diatonic sequence); the
 * rest are left to the network. Fitted on the Nottingham TRAINING split, 1- and 2-bar prompts
 * and their next 4 bars (`scripts/fit-restate.ts --bars 1` and `--bars 2`; see the model card):
 * the share of real bars with the same-position bar's rhythm, and of those a diatonic sequence.
 */
export const SHORT_PROMPT_VARIATION = { rhythm: 0.31, sequence: 0.06 } as const;

/** Salt separating the variation draws from the sampling stream for the same seed. */
const VARIATION_SALT = 0x7a71_a710;

/** A bar's plan: left to the network, forced events (null = sampled), or a rhythm to fill with pitches. */
type BarPlan = { kind: 'free' } | { kind: 'events'; events: number[] } | { kind: 'rhythm'; rhythm: number[] };

/** In a rhythm template: a step where a note starts, its pitch left to the network. */
const ONSET = -1;

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
  const moves = [1, -1, 2, -2];
  for (const at of [...onsets].reverse()) {
    for (const degrees of moves) {
      const moved = moveByDegrees(pitchOf(bar[at]!), degrees, { pitchClasses: [...scale] });
      const event = moved === null ? null : eventOf(moved);
      if (event === null) continue;
      const candidate = [...bar];
      candidate[at] = event;
      if (ok(candidate)) return candidate;
    }
  }
  for (const at of onsets) {
    let end = at + 1;
    while (end < bar.length && bar[end] === NO_EVENT) end++;
    const middle = at + Math.floor((end - at) / 2);
    if (middle <= at) continue;
    for (const degrees of moves) {
      const moved = moveByDegrees(pitchOf(bar[at]!), degrees, { pitchClasses: [...scale] });
      const event = moved === null ? null : eventOf(moved);
      if (event === null) continue;
      const candidate = [...bar];
      candidate[middle] = event;
      if (ok(candidate)) return candidate;
    }
  }
  return null;
}

interface Sampler {
  /** Draws the next event; `onsetOnly` restricts it to note-ons. */
  next(session: StepSession, onsetOnly: boolean): number;
}

function makeSampler(range: PitchRange, options: DecodeOptions, weights: number[] | null): Sampler {
  const random = mulberry32(options.seed);
  const allowed = allowedEventMask(range, options.allowedPitchClasses);
  const onsets = allowed.map((ok, e) => ok && e >= FIRST_PITCH_EVENT);
  const greedy = !(options.temperature > 0);
  return {
    next(session, onsetOnly) {
      const mask = onsetOnly && onsets.some(Boolean) ? onsets : allowed;
      const probs = Array.from(session.distribution(greedy ? 1 : options.temperature));
      if (weights) for (let e = FIRST_PITCH_EVENT; e < probs.length; e++) probs[e]! *= weights[e]!;
      return greedy ? argmaxIndex(probs, mask) : sampleIndex(probs, random, mask);
    },
  };
}

/** Per event, the key weight of its pitch class (1 for no-event and note-off); null when unbiased. */
function eventWeights(range: PitchRange, primerNotes: MelodyNote[], scale: readonly number[] | undefined): number[] | null {
  if (scale !== undefined || primerNotes.length >= THIN_PROMPT_NOTES) return null;
  const key = estimatePromptKey(primerNotes);
  const byClass = keyWeights(key, primerNotes, OFF_KEY_WEIGHT);
  return Array.from({ length: eventDepth(range) }, (_, e) =>
    e < FIRST_PITCH_EVENT ? 1 : byClass[(e - FIRST_PITCH_EVENT + range.minPitch) % 12]!,
  );
}

/** Plays a plan into the session: returns the bar's events, each fed as it is chosen. */
function playBar(session: StepSession, sampler: Sampler, plan: BarPlan, length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    let event: number;
    if (plan.kind === 'events') event = plan.events[i]!;
    else if (plan.kind === 'rhythm' && plan.rhythm[i] !== ONSET) event = plan.rhythm[i]!;
    else event = sampler.next(session, plan.kind === 'rhythm');
    session.feed(event);
    out.push(event);
  }
  return out;
}

/** The plan for continuation bar `index` of a short prompt. */
function shortPromptPlan(promptBars: number[][], index: number, draw: number, scale: readonly number[], range: PitchRange, degreeDraw: number): BarPlan {
  const source = promptBars[index % promptBars.length]!;
  // A bar of fewer than two notes has no intervals to vary: any restatement is a transposed copy.
  if (source.filter((e) => e >= FIRST_PITCH_EVENT).length < 2) return { kind: 'free' };
  const { rhythm, sequence } = SHORT_PROMPT_VARIATION;
  if (draw < sequence) {
    const degrees = [1, -1, 2, -2][Math.floor(degreeDraw * 4)]!;
    const events = sequenceStep(source, degrees, scale, range);
    if (events) return { kind: 'events', events };
  }
  if (draw < sequence + rhythm) return { kind: 'rhythm', rhythm: rhythmOf(source) };
  return { kind: 'free' };
}

/**
 * What try `attempt` of a bar plays: a sequence step once, then its rhythm with new pitches; a
 * rhythm for the first half of the tries; then bars left to the network.
 */
function planForAttempt(planned: BarPlan, attempt: number): BarPlan {
  if (planned.kind === 'free' || attempt === 0) return planned;
  if (attempt >= MAX_BAR_TRIES / 2) return { kind: 'free' };
  return planned.kind === 'events' ? { kind: 'rhythm', rhythm: rhythmOf(planned.events) } : planned;
}

/** Decodes `options.steps` events after `primer` (which is fed first). Deterministic for a seed. */
export function decodeContinuation(session: StepSession, primer: number[], range: PitchRange, options: DecodeOptions): number[] {
  const primerNotes = eventsToNotes(primer, range);
  const scale = options.allowedPitchClasses?.length ? options.allowedPitchClasses : estimatePromptKey(primerNotes).pitchClasses;
  const weights = eventWeights(range, primerNotes, options.allowedPitchClasses?.length ? options.allowedPitchClasses : undefined);
  const sampler = makeSampler(range, options, weights);
  const allowed = allowedEventMask(range, options.allowedPitchClasses);
  for (const event of primer) session.feed(event);

  const { stepsPerBar, steps } = options;
  const wholeBars = stepsPerBar !== undefined && Number.isInteger(stepsPerBar) && stepsPerBar > 0 && primer.length % stepsPerBar === 0;
  if (!wholeBars || primer.length >= PHRASE_BARS * stepsPerBar!) {
    // No bar logic, or a phrase-length prompt: the fitted restatement (none without bars).
    const forced = wholeBars ? planRestatement(primer, { stepsPerBar: stepsPerBar!, steps, seed: options.seed, allowed }) : null;
    const out: number[] = [];
    for (let i = 0; i < steps; i++) {
      const event = forced?.[i] ?? sampler.next(session, false);
      session.feed(event);
      out.push(event);
    }
    return out;
  }

  const promptBars = splitBars(primer, stepsPerBar!);
  const draws = mulberry32((options.seed ^ VARIATION_SALT) >>> 0);
  const out: number[] = [];
  for (let index = 0; out.length < steps; index++) {
    const length = Math.min(stepsPerBar!, steps - out.length);
    const planned = length === stepsPerBar ? shortPromptPlan(promptBars, index, draws(), scale, range, draws()) : ({ kind: 'free' } as const);
    const start = session.mark();
    let bar: number[] = [];
    for (let attempt = 0; attempt < MAX_BAR_TRIES; attempt++) {
      const plan = planForAttempt(planned, attempt);
      if (attempt > 0) session.restore(start);
      bar = playBar(session, sampler, plan, length);
      const copy = length === stepsPerBar ? barCopyKind(promptBars, bar) : null;
      if (copy === null || (copy === 'transposed' && attempt === MAX_BAR_TRIES - 1)) break;
    }
    if (length === stepsPerBar && barCopyKind(promptBars, bar) === 'exact') {
      const varied = breakCopy(bar, promptBars, scale, range, allowed);
      if (varied) {
        session.restore(start);
        bar = playBar(session, sampler, { kind: 'events', events: varied }, length);
      }
    }
    session.release(start);
    out.push(...bar);
  }
  return out;
}

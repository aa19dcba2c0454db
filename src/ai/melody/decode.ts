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
import { eventsToNotes, FIRST_PITCH_EVENT, allowedEventMask, eventDepth, type MelodyNote, type PitchRange } from '../encodings/melody.ts';
import { breakCopy, ONSET, rhythmOf, sequenceStep } from './bars.ts';
import { barCopyKind, splitBars } from './continuation-metrics.ts';
import { estimatePromptKey, keyWeights } from './key.ts';
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
 * Chances that a continuation bar of a short prompt is a diatonic sequence step of the prompt bar
 * at its phrase position, or takes that bar's rhythm with new pitches; the rest are left to the
 * network. Fitted on the Nottingham TRAINING split, prompts of 1 and 2 bars and their next 4 bars
 * (`scripts/fit-restate.ts --bars 1` and `--bars 2`), over bars whose prompt bar has two notes or
 * more (2,148 + 2,762): 30.6 % share the prompt bar's rhythm (copies included), 0.9 % are a
 * sequence step of it; sequence steps share the rhythm, so rhythm alone is 30.6 − 0.9 ≈ 30 %.
 */
export const SHORT_PROMPT_VARIATION = { rhythm: 0.3, sequence: 0.01 } as const;

/** Salt separating the variation draws from the sampling stream for the same seed. */
const VARIATION_SALT = 0x7a71_a710;

/** A bar's plan: left to the network, forced events, or a rhythm whose onsets the network fills with pitches. */
type BarPlan = { kind: 'free' } | { kind: 'events'; events: number[] } | { kind: 'rhythm'; rhythm: number[] };

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
  const userScale = options.allowedPitchClasses?.length ? options.allowedPitchClasses : undefined;
  const scale = userScale ?? estimatePromptKey(primerNotes).pitchClasses;
  const weights = eventWeights(range, primerNotes, userScale);
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

/**
 * `.continue()`: continues a melody with the melody model. Returns a pattern at once: the source
 * plays while the model works, then prompt plus continuation (or the continuation alone) loops.
 * Nothing here throws into the user's code: bad input is reported through the host and the
 * source keeps playing. A source holding other calls' results (`a.continue().continue()`) is read
 * as it plays once they are in: while they are pending, this call waits for them.
 */
import type { Hap, Pattern } from '@strudel/core';
import type { AiHost, CallRecord } from '../client/host.ts';
import { extractTopLine, notesToEvents, transposeIntoRange } from '../encodings/melody.ts';
import { AiWorkerError, type GenerateRequest, type ModelInfo, type ModelRef } from '../protocol.ts';
import { generatedNotes, resolvedPattern, type GeneratedMaterial } from './continuation.ts';
import { AiCallError, messageOf } from './errors.ts';
import { MAX_GENERATED_STEPS, parseContinueOptions, scalePitchClasses, type ContinueOptions } from './options.ts';
import { detectPeriod, hapsToNotes, onsetHaps, promptScale } from './prompt.ts';
import { readResolved, SwapSlot, swapPattern } from './swap.ts';

/** The prompt as read from the source, before it meets a model. */
interface Prompt {
  options: ContinueOptions;
  promptCycles: number;
  cycles: number;
  haps: Hap[];
  notes: ReturnType<typeof extractTopLine>['notes'];
  wasPolyphonic: boolean;
  /** Whether the prompt spans whole periods of the source. */
  promptRepeats: boolean;
  /** The `scale` option's pitch classes, else those of the source's `.scale()`; absent = any. */
  allowedPitchClasses?: number[];
}

function readPrompt(source: Pattern, options: ContinueOptions): Prompt {
  let promptCycles: number;
  let haps: Hap[];
  let promptRepeats: boolean;
  try {
    const period = options.prompt === undefined ? null : detectPeriod(source);
    promptCycles = options.prompt ?? detectPeriod(source);
    promptRepeats = period === null || promptCycles % period === 0;
    haps = onsetHaps(source, 0, promptCycles);
  } catch (error) {
    throw new AiCallError('continue', `querying the source pattern failed: ${messageOf(error)}`);
  }
  const cycles = options.cycles ?? promptCycles;
  if (cycles * options.steps > MAX_GENERATED_STEPS) {
    throw new AiCallError('continue', `cycles × steps must be at most ${MAX_GENERATED_STEPS}, got ${cycles} × ${options.steps}`, 'cycles');
  }
  const pitched = hapsToNotes(haps, options.steps);
  if (haps.length === 0) {
    throw new AiCallError('continue', `the source has no events in its first ${promptCycles} cycle(s): nothing to continue`);
  }
  if (pitched.length === 0) {
    throw new AiCallError('continue', 'the source has no pitched events (use note(), or n() with .scale()): nothing to continue');
  }
  const { notes, wasPolyphonic } = extractTopLine(pitched);
  // A source in scale degrees (`n("0 2 4").scale("C:minor")`) is continued in its scale.
  const scale = promptScale(haps);
  const inScale = options.allowedPitchClasses ?? (scale === null ? undefined : scalePitchClasses(scale) ?? undefined);
  return { options, promptCycles, cycles, haps, notes, wasPolyphonic, promptRepeats, allowedPitchClasses: inScale };
}

function modelRef(host: AiHost, options: ContinueOptions): ModelRef {
  return options.model ? { kind: 'url', url: options.model } : host.defaultModel;
}

/** The model request for a prompt, and the octave shift that fitted it into the model's range. */
function requestFor(prompt: Prompt, ref: ModelRef, info: ModelInfo): { request: GenerateRequest; semitones: number } {
  const { options } = prompt;
  const { notes, semitones } = transposeIntoRange(prompt.notes, info);
  const primer = notesToEvents(notes, prompt.promptCycles * options.steps, info);
  const request: GenerateRequest = {
    model: ref,
    primer,
    steps: prompt.cycles * options.steps,
    temperature: options.temperature,
    seed: options.seed,
    // One cycle is one bar: continuation bars may restate the prompt's bars.
    stepsPerBar: options.steps,
    ...(prompt.allowedPitchClasses ? { allowedPitchClasses: prompt.allowedPitchClasses } : {}),
  };
  return { request, semitones };
}

function material(prompt: Prompt, info: ModelInfo, request: GenerateRequest, semitones: number, events: number[]): GeneratedMaterial {
  const { options, promptCycles, cycles, haps } = prompt;
  return {
    mode: options.mode,
    promptCycles,
    cycles,
    stepsPerCycle: options.steps,
    notes: generatedNotes(events, request.primer, info, semitones, haps, promptCycles, options.steps),
    promptRepeats: prompt.promptRepeats,
  };
}

function loadError(options: ContinueOptions, error: unknown): AiCallError {
  if (options.model) return new AiCallError('continue', `could not load the checkpoint at ${options.model}: ${messageOf(error)}`, 'model');
  return new AiCallError('continue', `could not load the default melody model (models/melody/): ${messageOf(error)}`);
}

/**
 * Reads the prompt as the source plays once the results it holds are in (`readResolved`): the
 * prompt, or the results still pending that the read ran into (what it read, even an error, then
 * does not count).
 */
function promptOrPending(source: Pattern, options: ContinueOptions): Prompt | SwapSlot[] {
  const pending = new Set<SwapSlot>();
  try {
    const prompt = readResolved(() => readPrompt(source, options), pending);
    return pending.size > 0 ? [...pending] : prompt;
  } catch (error) {
    if (pending.size > 0) return [...pending];
    throw error;
  }
}

/** The prompt once the pending results in the source have settled (a failed one leaves its source). */
async function settledPrompt(source: Pattern, options: ContinueOptions, pending: SwapSlot[]): Promise<Prompt> {
  let read: Prompt | SwapSlot[] = pending;
  while (Array.isArray(read)) {
    await Promise.all(read.map((slot) => slot.settled()));
    read = promptOrPending(source, options);
  }
  return read;
}

/** Warns if the prompt is polyphonic; returns the warning for the call's status. */
function polyphonyWarning(host: AiHost, call: CallRecord, prompt: Prompt): string | undefined {
  if (!prompt.wasPolyphonic) return undefined;
  const warning = '.continue(): the prompt is polyphonic; continuing its top line (highest notes)';
  host.warn(call, warning);
  return warning;
}

/** The body of `.continue(options)` for `source`, talking to `host`. */
export function continuePattern(host: AiHost, source: Pattern, rawOptions: unknown): Pattern {
  const call: CallRecord = host.nextCall('continue');
  let options: ContinueOptions;
  let read: Prompt | SwapSlot[];
  try {
    options = parseContinueOptions(rawOptions);
    read = promptOrPending(source, options);
  } catch (error) {
    host.fail(call, messageOf(error));
    return source;
  }
  // The prompt now, or null when the source holds results still pending (`a.continue().continue()`):
  // then this call waits for them and continues what they play.
  const ready = Array.isArray(read) ? null : read;
  const waitFor = Array.isArray(read) ? read : [];
  const readyWarning = ready ? polyphonyWarning(host, call, ready) : undefined;
  const ref = modelRef(host, options);
  const resolve = (prompt: Prompt, info: ModelInfo, request: GenerateRequest, semitones: number, events: number[]): Pattern => {
    const generated = material(prompt, info, request, semitones, events);
    host.setMaterial(call, generated);
    return resolvedPattern(prompt.haps, generated);
  };

  // With the prompt read and the model known (any evaluation after the first), the request is made
  // right here, during the evaluation: a cached result means no pending phase at all, and a request
  // already running for an earlier evaluation is claimed by this one before stale requests are
  // cancelled.
  const known = host.knownModel(ref);
  let early: { request: GenerateRequest; semitones: number; events: Promise<number[]> } | null = null;
  if (known && ready) {
    const { request, semitones } = requestFor(ready, ref, known);
    const hit = host.cached(request, known);
    if (hit) {
      const pattern = resolve(ready, known, request, semitones, hit);
      host.setStatus(call, 'ready', readyWarning);
      return pattern;
    }
    early = { request, semitones, events: host.generate(request, known, call.evaluation) };
  }

  const slot = new SwapSlot();
  host.setStatus(call, 'pending');
  const work = (async () => {
    const prompt = ready ?? (await settledPrompt(source, options, waitFor));
    const warning = ready ? readyWarning : polyphonyWarning(host, call, prompt);
    let info: ModelInfo;
    try {
      info = known ?? (await host.loadModel(ref));
    } catch (error) {
      throw loadError(options, error);
    }
    if (!early && host.superseded(call.evaluation)) {
      host.setStatus(call, 'cancelled'); // a replaced evaluation makes no new request
      return;
    }
    const { request, semitones } = early ?? requestFor(prompt, ref, info);
    const events = await (early?.events ?? host.generate(request, info, call.evaluation));
    slot.fill(resolve(prompt, info, request, semitones, events), host.swapCycle());
    host.setStatus(call, 'ready', warning);
  })();
  work
    .catch((error: unknown) => {
      if (error instanceof AiWorkerError && error.cancelled) host.setStatus(call, 'cancelled'); // superseded by a newer evaluation
      else host.fail(call, error instanceof AiCallError ? error.message : `.continue(): ${messageOf(error)}`);
    })
    .finally(() => slot.settle()); // calls that read this one (`.continue().continue()`) go on
  host.track(work);
  return swapPattern(source, slot);
}

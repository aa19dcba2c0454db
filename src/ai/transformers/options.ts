/** The options of `.continue()`: defaults and validation (pure). */
import { Scale } from '@tonaljs/tonal';
import { AiCallError } from './errors.ts';

export type ContinueMode = 'append' | 'only';

export interface ContinueOptions {
  /** Cycles of the source that form the prompt; undefined = detect the source's period. */
  prompt?: number;
  /** Cycles to generate; undefined = as many as the prompt has. */
  cycles?: number;
  temperature: number;
  seed: number;
  /** Grid steps per cycle. */
  steps: number;
  /** The scale constraint as written, e.g. "C:minor". */
  scale?: string;
  /** Pitch classes (0 = C … 11 = B) of `scale`. */
  allowedPitchClasses?: number[];
  mode: ContinueMode;
  /** URL of a Magenta MusicRNN melody checkpoint; undefined = the default model. */
  model?: string;
}

export const CONTINUE_DEFAULTS = { temperature: 1, seed: 0, steps: 16, mode: 'append' } as const;
/** Upper bounds that keep one call's work reasonable. */
export const MAX_PROMPT_CYCLES = 64;
export const MAX_GENERATED_STEPS = 4096;

const KNOWN = new Set(['prompt', 'cycles', 'temperature', 'seed', 'steps', 'scale', 'mode', 'model']);

function fail(option: string, message: string): never {
  throw new AiCallError('continue', message, option);
}

/** A value as the user wrote it, near enough: strings quoted, objects and lists as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return Array.isArray(value) ? 'a list' : 'an object';
    }
  }
  return String(value);
}

function positiveInteger(raw: Record<string, unknown>, option: string, max: number): number | undefined {
  const value = raw[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(option, `must be a positive integer, got ${shown(value)}`);
  if (value > max) fail(option, `must be at most ${max}, got ${value}`);
  return value;
}

/** Pitch classes of a scale name written as in Strudel ("C:minor", "D:dorian", "C4:bebop:major"). */
export function scalePitchClasses(name: string): number[] | null {
  const scale = Scale.get(name.replaceAll(':', ' '));
  if (scale.empty || !scale.tonic) return null;
  const classes: number[] = [];
  [...scale.chroma].forEach((bit, interval) => {
    if (bit === '1') classes.push(interval);
  });
  const tonic = noteChroma(scale.tonic);
  return tonic === null ? null : classes.map((interval) => (interval + tonic) % 12);
}

const LETTERS: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

function noteChroma(note: string): number | null {
  const match = /^([a-gA-G])([#b]*)/.exec(note);
  if (!match) return null;
  const accidentals = [...match[2]].reduce((sum, sign) => sum + (sign === '#' ? 1 : -1), 0);
  return (((LETTERS[match[1].toLowerCase()] ?? 0) + accidentals) % 12 + 12) % 12;
}

/** Validates `.continue()`'s argument; throws an AiCallError naming the first bad option. */
export function parseContinueOptions(raw: unknown): ContinueOptions {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw === 'object' && raw !== null && '_Pattern' in raw) {
    throw new AiCallError('continue', 'expects an options object such as { cycles: 2 }, got a pattern');
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AiCallError('continue', `expects an options object such as { cycles: 2 }, got ${shown(raw)}`);
  }
  const options = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!KNOWN.has(key)) fail(key, `unknown option (known: ${[...KNOWN].join(', ')})`);
    if (typeof value === 'object' && value !== null && '_Pattern' in value) fail(key, 'must be a plain value, not a pattern');
  }
  const prompt = positiveInteger(options, 'prompt', MAX_PROMPT_CYCLES);
  const cycles = positiveInteger(options, 'cycles', MAX_PROMPT_CYCLES);
  const steps = positiveInteger(options, 'steps', 256) ?? CONTINUE_DEFAULTS.steps;

  const temperature = options.temperature ?? CONTINUE_DEFAULTS.temperature;
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature <= 0) {
    fail('temperature', `must be a number > 0, got ${shown(temperature)}`);
  }
  const seed = options.seed ?? CONTINUE_DEFAULTS.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) fail('seed', `must be an integer, got ${shown(seed)}`);

  const mode = options.mode ?? CONTINUE_DEFAULTS.mode;
  if (mode !== 'append' && mode !== 'only') fail('mode', `must be "append" or "only", got ${shown(mode)}`);

  let scale: string | undefined;
  let allowedPitchClasses: number[] | undefined;
  if (options.scale !== undefined) {
    if (typeof options.scale !== 'string') fail('scale', `must be a scale name such as "C:minor", got ${shown(options.scale)}`);
    const classes = scalePitchClasses(options.scale);
    if (!classes) fail('scale', `unknown scale ${shown(options.scale)} (write it as in .scale(), e.g. "C:minor")`);
    scale = options.scale;
    allowedPitchClasses = classes;
  }

  let model: string | undefined;
  if (options.model !== undefined) {
    if (typeof options.model !== 'string' || options.model.trim() === '') {
      fail('model', `must be the URL of a Magenta MusicRNN checkpoint (in single quotes), got ${shown(options.model)}`);
    }
    model = options.model;
  }
  return { prompt, cycles, temperature, seed, steps, scale, allowedPitchClasses, mode, model };
}

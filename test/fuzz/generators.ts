/**
 * Seeded generators of hostile input for the fuzz runs (`test/fuzz.test.ts`, `npm run fuzz`):
 * mini-notation strings, `.continue()` option objects and MIDI files. The same seed gives the same
 * cases, so a failure can be replayed.
 */
import { mulberry32 } from '../../src/util/mulberry32.ts';
import { encodeSmf } from '../../src/midi-file/smf.ts';

export type Random = () => number;

export const randomFor = (seed: number): Random => mulberry32(seed);

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const ATOMS = ['c4', 'e', 'bd', 'sd:3', 'hh', '0', '-1', '1.5', '~', '-', 'a#5', 'eb', 'C', 'x', '100', '1e3', 'c-1', 'g9', '_', '.'];
const OPERATORS = ['*', '/', '!', '@', '?', ':', ',', '|', '..', '^', '%', '+', '-', '(3,8)', '(5,8,2)', '*<2 3>', '!3', '@0', '/0', '*0', '?0.9'];
const OPEN = ['[', '<', '{', '('];
const CLOSE = [']', '>', '}', ')'];
const ODD = ['"', "'", '`', '\\', '\n', '\t', '$', '#', '&', '=', ';', '😀', '\u2028', '\u0000', '9'.repeat(20)];

/** A well-formed mini-notation sequence, nested up to `depth`. */
function sequence(random: Random, depth: number): string {
  const steps = Array.from({ length: int(random, 1, 5) }, () => step(random, depth));
  return steps.join(random() < 0.15 ? ', ' : random() < 0.1 ? ' | ' : ' ');
}

function step(random: Random, depth: number): string {
  const r = random();
  let base: string;
  if (depth > 0 && r < 0.3) {
    const [open, close] = pick(random, [['[', ']'], ['<', '>'], ['{', '}']] as const);
    base = `${open}${sequence(random, depth - 1)}${close}`;
    if (open === '{' && random() < 0.3) base += `%${int(random, 1, 8)}`;
  } else {
    base = pick(random, ATOMS);
  }
  return random() < 0.35 ? `${base}${pick(random, OPERATORS)}` : base;
}

/** Damages a string: deletes, duplicates or inserts characters. */
function mutate(random: Random, text: string): string {
  let out = text;
  for (let i = int(random, 1, 3); i > 0; i--) {
    const at = int(random, 0, out.length);
    const r = random();
    if (r < 0.4) out = out.slice(0, at) + out.slice(at + 1);
    else if (r < 0.7) out = out.slice(0, at) + pick(random, [...OPEN, ...CLOSE, ...OPERATORS]) + out.slice(at);
    else out = out.slice(0, at) + pick(random, ODD) + out.slice(at);
  }
  return out;
}

/** A mini-notation string: well-formed (nested, with operators) or damaged. */
export function miniString(random: Random): string {
  const text = sequence(random, 3);
  return random() < 0.35 ? mutate(random, text) : text;
}

/** `s` as the inside of a double-quoted JavaScript string (so the code around it stays valid). */
export const quoted = (s: string): string => JSON.stringify(s).slice(1, -1);

const OPTION_KEYS = ['prompt', 'cycles', 'temperature', 'seed', 'steps', 'scale', 'mode', 'model', 'bogus', '__proto__', 'constructor'];
const VALUES: unknown[] = [0, 1, -1, 2.5, 1e9, NaN, Infinity, -Infinity, '', 'C:minor', 'X:nope', 'only', 'append', 'http://127.0.0.1:1/none', null, undefined, true, [], {}, [1, 2], 'c4 e4'];

/** A `.continue()` option value: an object of known and unknown keys with odd values, or not an object. */
export function optionValue(random: Random): unknown {
  if (random() < 0.1) return pick(random, VALUES);
  const options: Record<string, unknown> = {};
  const keys = int(random, 0, 4);
  for (let i = 0; i < keys; i++) options[pick(random, OPTION_KEYS)] = pick(random, VALUES);
  return options;
}

/** A MIDI file: a valid one, then cut, with bytes flipped, or with odd values. */
export function midiFile(random: Random): Uint8Array {
  const notes = Array.from({ length: int(random, 0, 12) }, () => {
    const start = random() < 0.05 ? int(random, 0, 2 ** 28) : int(random, 0, 96 * 16);
    return { startTick: start, endTick: start + int(random, 0, 400), key: int(random, 0, 127), velocity: int(random, 1, 127), channel: int(random, 0, 15) };
  });
  const bytes = encodeSmf({
    ticksPerBeat: pick(random, [96, 480, 1, 32767]),
    bpm: pick(random, [120, 1, 999, 60.5]),
    timeSignature: { numerator: pick(random, [4, 3, 7, 1]), denominator: pick(random, [4, 8, 2, 16]) },
    tracks: Array.from({ length: int(random, 1, 3) }, (_, i) => ({ name: random() < 0.2 ? 'x\n"y"' : `t${i}`, notes })),
  });
  const out = Uint8Array.from(bytes);
  const r = random();
  if (r < 0.3) return out.subarray(0, int(random, 0, out.length));
  if (r < 0.6) {
    for (let i = int(random, 1, 8); i > 0; i--) out[int(random, 0, out.length - 1)] = int(random, 0, 255);
  }
  return out;
}

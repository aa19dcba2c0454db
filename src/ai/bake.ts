/**
 * "Bake": replaces a resolved `.continue(…)` call in the user's code with what it generated,
 * written as plain Strudel code (mini-notation), so the code plays the same without the model.
 *
 * - append mode: `SRC.continue(…)` → `arrange([P, SRC], [C, note("<[…] […]>").s("…")])`
 *   (`SRC.ribbon(0, P)` where the prompt is not a whole number of the source's periods);
 * - only mode:   `SRC.continue(…)` → `note("<[…] […]>").s("…")`.
 *
 * `.continue(…)` calls inside SRC (a chain `a.continue(…).continue(…)`) are baked too, so nothing
 * of the baked call depends on the model any more; baking an inner call of a chain leaves the
 * outer ones, which then continue the baked notes.
 *
 * Each cycle of the continuation is one `[…]` of `steps` grid steps (`~` rests, `@n` lengths);
 * if a note crosses a cycle boundary, the whole continuation is one sequence slowed by C instead.
 * Pure: code in, code out.
 */
import { parse, type Node } from 'acorn';
import { simple } from 'acorn-walk';
import { Pattern } from '@strudel/core';
import type { GeneratedMaterial, GeneratedNote } from './transformers/continuation.ts';

const NAMES = ['c', 'c#', 'd', 'd#', 'e', 'f', 'f#', 'g', 'g#', 'a', 'a#', 'b'];

/** MIDI pitch → Strudel note name (60 → "c4"). */
export function noteName(pitch: number): string {
  return `${NAMES[((pitch % 12) + 12) % 12]}${Math.floor(pitch / 12) - 1}`;
}

interface Located extends Node {
  callee: Node & { type: string; computed: boolean; property: Node & { type: string; name?: string }; object: Node };
}

/** Every `.continue(…)` call in `code`. */
function continueCalls(code: string): Located[] {
  const ast = parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true, sourceType: 'script' });
  const calls: Located[] = [];
  simple(ast, {
    CallExpression(node) {
      const call = node as Located;
      const callee = call.callee;
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'continue') calls.push(call);
    },
  });
  return calls;
}

/** The call whose `.` (or `?.`) is at `offset`, or which contains `offset` (innermost). */
function findCall(calls: Located[], offset: number): Located | null {
  let best: Located | null = null;
  for (const call of calls) {
    const from = call.callee.object.end;
    if (offset < from || offset >= call.end) continue;
    if (!best || call.end - from < best.end - best.callee.object.end) best = call;
  }
  return best;
}

type Token = { text: string; weight: number };

/** Mini-notation tokens of `notes` over steps [from, to): each note's `text`, rests between. */
function tokens(notes: GeneratedNote[], from: number, to: number, text: (note: GeneratedNote) => string): Token[] {
  const out: Token[] = [];
  let step = from;
  for (const note of notes) {
    if (note.startStep >= to || note.endStep <= from) continue;
    if (note.startStep > step) out.push({ text: '~', weight: note.startStep - step });
    const end = Math.min(note.endStep, to);
    out.push({ text: text(note), weight: end - note.startStep });
    step = end;
  }
  if (step < to) out.push({ text: '~', weight: to - step });
  return out;
}

const joined = (items: Token[]): string => items.map((t) => (t.weight === 1 ? t.text : `${t.text}@${t.weight}`)).join(' ');

/** The continuation as a pattern expression in mini-notation, e.g. `note("<[e4 ~ g4 a4] […]>")`. */
function sequence(material: GeneratedMaterial, text: (note: GeneratedNote) => string): string {
  const { cycles, stepsPerCycle: steps } = material;
  const notes = [...material.notes].sort((a, b) => a.startStep - b.startStep);
  const crosses = notes.some((n) => Math.floor(n.startStep / steps) !== Math.floor((n.endStep - 1) / steps));
  if (crosses) return `"${joined(tokens(notes, 0, cycles * steps, text))}"`;
  const bars = Array.from({ length: cycles }, (_, c) => joined(tokens(notes, c * steps, (c + 1) * steps, text)));
  return cycles === 1 ? `"${bars[0]}"` : `"<${bars.map((bar) => `[${bar}]`).join(' ')}>"`;
}

const MINI_SAFE = /^[\w.#-]+$/;

function literal(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && MINI_SAFE.test(value)) return JSON.stringify(value);
  return null;
}

/** `.s("saw").gain(0.5)`: controls every generated note has, as method calls. */
function controlCalls(material: GeneratedMaterial): string {
  const notes = material.notes;
  if (notes.length === 0) return '';
  const keys = Object.keys(notes[0].controls).filter((key) => notes.every((note) => key in note.controls));
  const isMethod = (key: string) => typeof (Pattern.prototype as unknown as Record<string, unknown>)[key] === 'function';
  let out = '';
  for (const key of keys) {
    if (!/^[A-Za-z_$][\w$]*$/.test(key) || !isMethod(key)) continue;
    const values = notes.map((note) => note.controls[key]);
    if (values.every((value) => value === values[0])) {
      const text = literal(values[0]);
      if (text !== null) out += `.${key}(${text})`;
      continue;
    }
    if (!values.every((value) => literal(value) !== null)) continue;
    out += `.${key}(${sequence(material, (note) => String(note.controls[key]))}`;
    out += material.cycles > 1 && sequenceIsLinear(material) ? `.slow(${material.cycles}))` : ')';
  }
  return out;
}

function sequenceIsLinear(material: GeneratedMaterial): boolean {
  const steps = material.stepsPerCycle;
  return material.notes.some((n) => Math.floor(n.startStep / steps) !== Math.floor((n.endStep - 1) / steps));
}

/** The generated material as a standalone pattern expression. */
export function materialExpression(material: GeneratedMaterial): string {
  const notes = sequence(material, (note) => String(note.note)); // as played: a name or a MIDI number
  const slow = material.cycles > 1 && sequenceIsLinear(material) ? `.slow(${material.cycles})` : '';
  return `note(${notes})${slow}${controlCalls(material)}`;
}

/**
 * What the `.continue(…)` calls inside a baked call's source generated, by the end offset of each
 * call (a call status's `to`); null for a call that failed (its source plays in its place).
 */
export type InnerResults = ReadonlyMap<number, GeneratedMaterial | null>;

/** `code[from, to)` with the outermost `.continue(…)` calls in it baked. */
function bakedRange(code: string, calls: Located[], from: number, to: number, inner: InnerResults): string {
  const within = calls.filter((call) => from <= call.start && call.end <= to);
  const outermost = within.filter((call) => !within.some((other) => other !== call && other.start <= call.start && call.end <= other.end));
  let out = '';
  let at = from;
  for (const call of outermost.sort((a, b) => a.start - b.start)) {
    const generated = inner.get(call.end);
    if (generated === undefined) throw new Error(`bake: the .continue(…) that ends at offset ${call.end} has no result yet`);
    out += code.slice(at, call.start) + bakedCall(code, calls, call, generated, inner);
    at = call.end;
  }
  return out + code.slice(at, to);
}

/** The code that plays what `call` plays, given what it generated (null: it failed). */
function bakedCall(code: string, calls: Located[], call: Located, generated: GeneratedMaterial | null, inner: InnerResults): string {
  const { start, end } = call.callee.object;
  if (generated === null) return bakedRange(code, calls, start, end, inner);
  const continuation = materialExpression(generated);
  if (generated.mode === 'only') return continuation;
  const source = bakedRange(code, calls, start, end, inner);
  const { promptCycles: p, cycles: c } = generated;
  const prompt = generated.promptRepeats === false ? `${source}.ribbon(0, ${p})` : source;
  return `arrange([${p}, ${prompt}], [${c}, ${continuation}])`;
}

/**
 * Replaces the `.continue(…)` call at `callOffset` (a call status's `from`) and its source with
 * the generated material. Calls inside its source (`a.continue(…).continue(…)`: the outer call
 * continued what the inner one played) are baked with it, from `inner`. Throws if no
 * `.continue(…)` call is there, or if `inner` lacks a call inside it.
 */
export function bake(code: string, callOffset: number, generated: GeneratedMaterial, inner: InnerResults = new Map()): string {
  const calls = continueCalls(code);
  const call = findCall(calls, callOffset);
  if (!call) throw new Error(`bake: no .continue(…) call at offset ${callOffset}`);
  return code.slice(0, call.start) + bakedCall(code, calls, call, generated, inner) + code.slice(call.end);
}

/**
 * "Bake": replaces a resolved `.continue(…)` call in the user's code with what it generated,
 * written as plain Strudel code (mini-notation), so the code plays the same without the model.
 *
 * - append mode: `SRC.continue(…)` → `arrange([P, SRC], [C, note("<[…] […]>").s("…")])`
 *   (`SRC.ribbon(0, P)` where the prompt is not a whole number of the source's periods);
 * - only mode:   `SRC.continue(…)` → `note("<[…] […]>").s("…")`.
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

/** The `.continue(…)` call whose `.` (or `?.`) is at `offset`, or which contains `offset`. */
function findCall(code: string, offset: number): Located | null {
  const ast = parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true, sourceType: 'script' });
  let best: Located | null = null;
  simple(ast, {
    CallExpression(node) {
      const call = node as Located;
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'continue') return;
      const from = callee.object.end;
      if (offset < from || offset >= call.end) return;
      if (!best || call.end - from < best.end - best.callee.object.end) best = call; // innermost
    },
  });
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
  const notes = sequence(material, (note) => noteName(note.pitch));
  const slow = material.cycles > 1 && sequenceIsLinear(material) ? `.slow(${material.cycles})` : '';
  return `note(${notes})${slow}${controlCalls(material)}`;
}

/**
 * Replaces the `.continue(…)` call at `callOffset` (a call status's `from`) and its source with
 * the generated material. Throws if no `.continue(…)` call is there.
 */
export function bake(code: string, callOffset: number, generated: GeneratedMaterial): string {
  const call = findCall(code, callOffset);
  if (!call) throw new Error(`bake: no .continue(…) call at offset ${callOffset}`);
  const source = code.slice(call.callee.object.start, call.callee.object.end);
  const continuation = materialExpression(generated);
  const { promptCycles: p, cycles: c } = generated;
  const prompt = generated.promptRepeats === false ? `${source}.ribbon(0, ${p})` : source;
  const replacement = generated.mode === 'only' ? continuation : `arrange([${p}, ${prompt}], [${c}, ${continuation}])`;
  return code.slice(0, call.callee.object.start) + replacement + code.slice(call.end);
}

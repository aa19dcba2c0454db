/**
 * Evaluates user code with Strudel semantics: double-quoted strings are mini-notation, `$:` and
 * named labels declare layers, `setcps`/`setcpm` set the tempo. Never throws: see result.ts.
 */
import { isPattern, reify, silence, stack, type Pattern } from '@strudel/core';
import { transpiler } from '@strudel/transpiler';
import { parse, type Node } from 'acorn';
import { LayerCollector, withLayerCollector } from './layers.ts';
import { locateRuntimeError, positionAt } from './positions.ts';
import type { CodePosition, EvalResult, Layer, MotifError } from './result.ts';
import { strudelScope, usableNames, type Scope } from './scope.ts';

export interface EvaluateOptions {
  /** Extra names for the code (sound functions in the browser, AI transformers, …). */
  scope?: Scope;
}

interface AcornSyntaxError extends SyntaxError {
  loc?: { line: number; column: number };
}

let queue: Promise<unknown> = Promise.resolve();

/** Evaluations run one at a time: layer collection is tied to the running evaluation. */
export function evaluate(code: string, options: EvaluateOptions = {}): Promise<EvalResult> {
  const run = queue.then(() => evaluateNow(code, options));
  queue = run.catch(() => undefined);
  return run;
}

function failed(errors: MotifError[]): EvalResult {
  return { pattern: null, layers: [], miniLocations: [], cps: null, errors, warnings: [] };
}

function syntaxError(error: unknown): MotifError {
  const err = error as AcornSyntaxError;
  const message = String(err?.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
  const line = err?.loc?.line ?? 1;
  const column = (err?.loc?.column ?? 0) + 1;
  return { kind: 'syntax', message: `Syntax error: ${message}`, line, column };
}

export function runtimeError(code: string, error: unknown): MotifError {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof ReferenceError ? 'reference' : 'runtime';
  const at = locateRuntimeError(code, message) ?? { line: 1, column: 1 };
  const friendly = kind === 'reference' ? `Unknown function or name: ${message}` : message;
  return { kind, message: friendly, ...at };
}

/** Start positions of top-level labelled statements (`$:`, `bass:`), in order. */
function labelPositions(code: string): CodePosition[] {
  try {
    const ast = parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true }) as Node & { body: Node[] };
    return ast.body.filter((node) => node.type === 'LabeledStatement').map((node) => positionAt(code, node.start));
  } catch {
    return [];
  }
}

async function evaluateNow(code: string, options: EvaluateOptions): Promise<EvalResult> {
  let output: string;
  let miniLocations: [number, number][];
  try {
    const transpiled = transpiler(code, { emitWidgets: false, addReturn: true });
    output = transpiled.output;
    miniLocations = transpiled.miniLocations;
  } catch (error) {
    return failed([syntaxError(error)]);
  }

  let cps: number | null = null;
  const collector = new LayerCollector();
  const tempo = (value: unknown): number => {
    const pure = isPattern(value) ? (value as Pattern & { __pure?: unknown }).__pure : value;
    const number = Number(pure);
    if (!Number.isFinite(number) || number <= 0) throw new RangeError(`setcps expects a positive number, got ${String(pure)}`);
    return number;
  };
  const runtimeScope: Scope = {
    setcps: (value: unknown) => ((cps = tempo(value)), silence),
    setCps: (value: unknown) => ((cps = tempo(value)), silence),
    setcpm: (value: unknown) => ((cps = tempo(value) / 60), silence),
    setCpm: (value: unknown) => ((cps = tempo(value) / 60), silence),
    hush: () => (collector.entries.splice(0), silence),
    all: (transform: (pattern: Pattern) => Pattern) => (collector.allTransforms.push(transform), silence),
    each: (transform: (pattern: Pattern) => Pattern) => ((collector.eachTransform = transform), silence),
  };
  const [names, values] = usableNames({ ...strudelScope(), ...options.scope, ...runtimeScope });

  let returned: unknown;
  try {
    // The inner async arrow gives the user's code its own block, so `const note = …` may shadow.
    const run = new Function(...names, `"use strict";\nreturn (async () => {\n${output}\n})();`) as (
      ...args: unknown[]
    ) => Promise<unknown>;
    returned = await withLayerCollector(collector, () => run(...values));
  } catch (error) {
    return failed([runtimeError(code, error)]);
  }

  const positions = labelPositions(code);
  let layers: Layer[];
  if (collector.entries.length) {
    layers = collector.audible().map((entry) => ({
      id: entry.id,
      pattern: entry.pattern,
      position: positions[entry.index] ?? { line: 1, column: 1 },
    }));
  } else if (isPattern(returned)) {
    layers = [{ id: 'main', pattern: returned, position: { line: 1, column: 1 } }];
  } else if (typeof returned === 'string' || typeof returned === 'number') {
    layers = [{ id: 'main', pattern: reify(returned) as Pattern, position: { line: 1, column: 1 } }];
  } else {
    layers = [];
  }
  const each = collector.eachTransform;
  if (each) layers = layers.map((layer) => ({ ...layer, pattern: each(layer.pattern) }));

  let pattern: Pattern = layers.length ? stack(...layers.map((layer) => layer.pattern)) : silence;
  for (const transform of collector.allTransforms) pattern = transform(pattern);
  if (collector.allTransforms.length) {
    // `all(…)` applies to the stack: keep one layer so the scheduler plays what the user asked for.
    layers = [{ id: 'all', pattern, position: { line: 1, column: 1 } }];
  }
  return { pattern, layers, miniLocations, cps, errors: [], warnings: [] };
}

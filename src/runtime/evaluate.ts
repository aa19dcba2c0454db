/**
 * Evaluates user code with Strudel semantics: double-quoted strings are mini-notation, `$:` and
 * named labels declare layers, `setcps`/`setcpm` set the tempo. Never throws: see result.ts.
 *
 * User code may be TypeScript (types are blanked out, see strip-types.ts, so every offset stays
 * valid) and may import pattern modules (`import { groove } from "patterns/grooves"`, see
 * imports.ts) from the modules the host passes in `options.patterns`. Type errors are the
 * editor's business: evaluation ignores them.
 */
import { isPattern, reify, silence, stack, type Pattern } from '@strudel/core';
import { transpiler } from '@strudel/transpiler';
import { parse, type Node } from 'acorn';
import { bindImports, extractExports, extractImports, type ModuleLoad, type PatternModules } from './imports.ts';
import { LayerCollector, withLayerCollector } from './layers.ts';
import { installVisualMethods, withVisuals } from './visuals.ts';
import { installPianoMethod } from './piano.ts';
import { installMidiMethod } from './midi-method.ts';
import { sliderPattern, sliderPlaces, type SliderPlace } from './sliders.ts';
import { locateRuntimeError, positionAt } from './positions.ts';
import { checkLoop, DeadlineError, EVALUATION_DEADLINE_MS, withDeadlineAsync } from './deadline.ts';
import { guardLoops, LOOP_CHECK, parseUserCode } from './loop-guard.ts';
import { miniLimitErrors } from './mini-limits.ts';
import { miniStringError } from './mini-errors.ts';
import type { StripResult } from './strip-types.ts';
import type { CodePosition, EvalResult, Layer, MotifError } from './result.ts';
import { strudelScope, usableNames, type Scope } from './scope.ts';

export interface EvaluateOptions {
  /** Extra names for the code (sound functions in the browser, AI transformers, …). */
  scope?: Scope;
  /** The pattern modules that `import … from "patterns/…"` may name. */
  patterns?: PatternModules;
  /**
   * Blanks out TypeScript syntax (see strip-types.ts). The default loads the TypeScript compiler
   * into this thread on first use (seconds); the browser passes one that runs in the type worker.
   */
  stripTypes?: TypeStripper;
}

export type TypeStripper = (code: string) => Promise<StripResult>;

const stripOnThisThread: TypeStripper = async (code) => (await import('./strip-types.ts')).stripTypes(code);

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
  return { pattern: null, layers: [], miniLocations: [], cps: null, errors, warnings: [], sliders: [] };
}

function syntaxError(error: unknown): MotifError {
  const err = error as AcornSyntaxError;
  const message = String(err?.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
  const line = err?.loc?.line ?? 1;
  const column = (err?.loc?.column ?? 0) + 1;
  return { kind: 'syntax', message: `Syntax error: ${message}`, line, column };
}

export function runtimeError(code: string, error: unknown): MotifError {
  if (error instanceof DeadlineError) return { kind: 'runtime', message: `This code ${error.message}`, line: Math.max(1, error.line), column: 1 };
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof ReferenceError ? 'reference' : 'runtime';
  const at = locateRuntimeError(code, message) ?? { line: 1, column: 1 };
  const friendly = kind === 'reference' ? `Unknown function or name: ${message}` : message;
  return { kind, message: friendly, ...at };
}

/** Start positions of top-level labelled statements (`$:`, `bass:`), in order. */
function labelPositions(code: string, parsed: Node | null): CodePosition[] {
  try {
    const ast = (parsed ?? parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true })) as Node & { body: Node[] };
    return ast.body.filter((node) => node.type === 'LabeledStatement').map((node) => positionAt(code, node.start));
  } catch {
    return [];
  }
}

/** The names evaluate() adds for every evaluation: tempo, `hush`, `all`, `each`. */
function createRuntimeScope(collector: LayerCollector, setCps: (cps: number) => void): Scope {
  const tempo = (value: unknown): number => {
    const pure = isPattern(value) ? (value as Pattern & { __pure?: unknown }).__pure : value;
    const number = Number(pure);
    if (!Number.isFinite(number) || number <= 0) throw new RangeError(`setcps expects a positive number, got ${String(pure)}`);
    return number;
  };
  return {
    setcps: (value: unknown) => (setCps(tempo(value)), silence),
    setCps: (value: unknown) => (setCps(tempo(value)), silence),
    setcpm: (value: unknown) => (setCps(tempo(value) / 60), silence),
    setCpm: (value: unknown) => (setCps(tempo(value) / 60), silence),
    hush: () => (collector.entries.splice(0), silence),
    all: (transform: (pattern: Pattern) => Pattern) => (collector.allTransforms.push(transform), silence),
    each: (transform: (pattern: Pattern) => Pattern) => ((collector.eachTransform = transform), silence),
    // The transpiler turns `slider(value, min, max)` into `sliderWithID(id, value, min, max)`.
    slider: (value: unknown) => reify(value) as Pattern,
    sliderWithID: sliderPattern,
  };
}

/** The names evaluate() itself provides on top of @strudel/*, for the language's declarations. */
export function runtimeScopeNames(): string[] {
  return Object.keys(createRuntimeScope(new LayerCollector(), () => undefined));
}

/** Acorn accepts it as JavaScript (module syntax allowed): no type stripping needed. */
function isJavaScript(code: string): boolean {
  try {
    parse(code, { ecmaVersion: 2022, sourceType: 'module', allowAwaitOutsideFunction: true });
    return true;
  } catch {
    return false;
  }
}

/** Blanks out TypeScript syntax; TypeScript is loaded only for code that needs it. */
async function stripIfTypeScript(code: string, stripTypes: TypeStripper): Promise<{ code: string; errors: MotifError[] }> {
  if (isJavaScript(code)) return { code, errors: [] };
  const stripped = await stripTypes(code);
  const errors = stripped.unsupported.map((u): MotifError => ({ kind: 'syntax', message: u.message, ...positionAt(code, u.offset) }));
  return { code: stripped.code, errors };
}

/** Types stripped and `patterns/…` imports bound: code the transpiler accepts, plus imported names. */
/** What preparing code needs from the host: the pattern modules and the type stripper. */
interface Host {
  modules: PatternModules | undefined;
  stripTypes: TypeStripper;
}

async function prepare(code: string, host: Host, chain: string[]): Promise<{ code: string; scope: Scope; errors: MotifError[] }> {
  const stripped = await stripIfTypeScript(code, host.stripTypes);
  if (stripped.errors.length) return { code, scope: {}, errors: stripped.errors };
  const imports = extractImports(stripped.code);
  if (imports.errors.length) return { code: imports.code, scope: {}, errors: imports.errors };
  if (!imports.bindings.length) return { code: imports.code, scope: {}, errors: [] };
  const bound = await bindImports(imports.code, imports.bindings, (specifier) => loadModule(specifier, host, chain));
  return { code: imports.code, scope: bound.scope, errors: bound.errors };
}

function stripLocations(value: unknown): unknown {
  // Mini-notation locations of a module point into the module's text, not the user's: drop them.
  return isPattern(value) ? value.withContext((context) => ({ ...context, locations: [] })) : value;
}

/** Evaluates a pattern module and returns its exports. */
async function loadModule(specifier: string, host: Host, chain: string[]): Promise<ModuleLoad> {
  const at = { line: 1, column: 1 };
  if (chain.includes(specifier)) {
    return { exports: null, errors: [{ kind: 'reference', message: `Import cycle: ${[...chain, specifier].join(' → ')}`, ...at }] };
  }
  const text = host.modules?.source(specifier);
  if (text === undefined) return { exports: null, errors: [{ kind: 'reference', message: `No pattern module "${specifier}"`, ...at }] };
  const prepared = await prepare(text, host, [...chain, specifier]);
  if (prepared.errors.length) return { exports: null, errors: prepared.errors };
  const exported = extractExports(prepared.code);
  let output: string;
  try {
    // The transpiler insists on a final expression statement; `void 0` after the module's text is one.
    const ast = parseUserCode(exported.code);
    output = guardLoops(exported.code, ast, transpiler(`${exported.code}\nvoid 0`, { emitWidgets: false, addReturn: false }).output);
  } catch (error) {
    return { exports: null, errors: [syntaxError(error)] };
  }
  const collector = new LayerCollector();
  const scope = { ...strudelScope(), ...createRuntimeScope(collector, () => undefined), ...prepared.scope };
  try {
    const values = await withDeadlineAsync(EVALUATION_DEADLINE_MS, () =>
      withLayerCollector(collector, () => runBody(`${output}\nreturn { ${exported.names.join(', ')} };`, scope)),
    );
    const exports: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) exports[name] = stripLocations(value);
    return { exports, errors: [] };
  } catch (error) {
    return { exports: null, errors: [runtimeError(prepared.code, error)] };
  }
}

/**
 * Runs transpiled code as the body of an async function whose parameters are the scope's names,
 * its loops checked against the evaluation's deadline.
 */
function runBody(body: string, scope: Scope): Promise<unknown> {
  const [names, values] = usableNames({ ...scope, [LOOP_CHECK]: checkLoop });
  // The inner async arrow gives the user's code its own block, so `const note = …` may shadow.
  const run = new Function(...names, `"use strict";\nreturn (async () => {\n${body}\n})();`) as (...args: unknown[]) => Promise<unknown>;
  return run(...values);
}

async function evaluateNow(userCode: string, options: EvaluateOptions): Promise<EvalResult> {
  // The runtime's own Pattern methods beyond Strudel's packages (strudel.cc's website adds the
  // visuals and .piano(); .midi() comes from its MIDI package), before any code (modules too) runs.
  installVisualMethods();
  installPianoMethod();
  installMidiMethod();
  const host = { modules: options.patterns, stripTypes: options.stripTypes ?? stripOnThisThread };
  const prepared = await prepare(userCode, host, []);
  if (prepared.errors.length) return failed(prepared.errors);
  const code = prepared.code; // same offsets as userCode: type syntax and imports are blanked
  const ast = parseUserCode(code);
  const tooBig = ast ? miniLimitErrors(code, ast) : [];
  if (tooBig.length) return failed(tooBig);
  let output: string;
  let miniLocations: [number, number][];
  let sliders: SliderPlace[];
  try {
    const transpiled = transpiler(code, { emitWidgets: true, addReturn: true });
    output = guardLoops(code, ast, transpiled.output);
    miniLocations = transpiled.miniLocations;
    sliders = sliderPlaces(transpiled.widgets);
  } catch (error) {
    // The transpiler names only a line for mini-notation errors: find the string and the character.
    return failed([(ast && miniStringError(code, ast)) || syntaxError(error)]);
  }

  let cps: number | null = null;
  const collector = new LayerCollector();
  const runtimeScope = createRuntimeScope(collector, (value) => (cps = value));
  const scope = { ...strudelScope(), ...options.scope, ...runtimeScope, ...prepared.scope };

  let returned: unknown;
  let visualNotes: string[];
  try {
    ({ value: returned, notes: visualNotes } = await withDeadlineAsync(EVALUATION_DEADLINE_MS, () =>
      withVisuals(() => withLayerCollector(collector, () => runBody(output, scope))),
    ));
  } catch (error) {
    return failed([runtimeError(code, error)]);
  }

  const positions = labelPositions(code, ast);
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
    try {
      layers = [{ id: 'main', pattern: reify(returned) as Pattern, position: { line: 1, column: 1 } }];
    } catch (error) {
      return failed([runtimeError(code, error)]); // a returned string that is not valid mini-notation
    }
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
  return { pattern, layers, miniLocations, cps, errors: [], warnings: [...collector.notes, ...visualNotes], sliders };
}

/**
 * The subset of @strudel/* that Motif's own TypeScript code uses. The packages ship no types;
 * the user-facing DSL is declared in lang/ (issue #5). Extend this file when Motif's code needs
 * another export, rather than casting to `any`.
 */
declare module '@strudel/core' {
  export interface FractionValue {
    n: number;
    d: number;
    s: number;
    valueOf(): number;
    toFraction(): string;
    add(other: FractionValue | number): FractionValue;
    sub(other: FractionValue | number): FractionValue;
    mul(other: FractionValue | number): FractionValue;
    lt(other: FractionValue | number): boolean;
    lte(other: FractionValue | number): boolean;
    gt(other: FractionValue | number): boolean;
    gte(other: FractionValue | number): boolean;
    eq(other: FractionValue | number): boolean;
    sam(): FractionValue;
    floor(): FractionValue;
  }
  export function Fraction(value: number | string | FractionValue): FractionValue;

  export class TimeSpan {
    constructor(begin: FractionValue | number, end: FractionValue | number);
    begin: FractionValue;
    end: FractionValue;
  }

  export type HapValue = Record<string, unknown> | number | string;

  export interface HapContext {
    locations?: { start: number; end: number }[];
    [key: string]: unknown;
  }

  export class Hap<V = HapValue> {
    constructor(whole: TimeSpan | undefined, part: TimeSpan, value: V, context?: HapContext);
    whole: TimeSpan | undefined;
    part: TimeSpan;
    value: V;
    context: HapContext;
    hasOnset(): boolean;
    wholeOrPart(): TimeSpan;
    duration: FractionValue;
    show(): string;
  }

  export class State {
    constructor(span: TimeSpan, controls?: Record<string, unknown>);
    span: TimeSpan;
    controls: Record<string, unknown>;
    setControls(controls: Record<string, unknown>): State;
    setSpan(span: TimeSpan): State;
  }

  export class Pattern<V = HapValue> {
    constructor(query: (state: State) => Hap<V>[], steps?: number);
    readonly _Pattern: true;
    query: (state: State) => Hap<V>[];
    queryArc(begin: number | FractionValue, end: number | FractionValue, controls?: Record<string, unknown>): Hap<V>[];
    withState(fn: (state: State) => State): Pattern<V>;
    withValue<W>(fn: (value: V) => W): Pattern<W>;
    fmap<W>(fn: (value: V) => W): Pattern<W>;
    withContext(fn: (context: HapContext) => HapContext): Pattern<V>;
    fast(factor: number | string | Pattern<number>): Pattern<V>;
    slow(factor: number | string | Pattern<number>): Pattern<V>;
    late(offset: number | string | Pattern<number>): Pattern<V>;
    s(value: string | Pattern<string>): Pattern<V>;
    note(value: string | number | Pattern<string | number>): Pattern<V>;
    gain(value: number | string | Pattern<number>): Pattern<V>;
    onTrigger(fn: (...args: unknown[]) => void, dominant?: boolean): Pattern<V>;
    [name: `_${string}`]: unknown;
  }

  export const silence: Pattern<never>;
  export function isPattern(value: unknown): value is Pattern;
  export function reify<V>(value: V | Pattern<V>): Pattern<V>;
  export function pure<V>(value: V): Pattern<V>;
  export function stack<V>(...patterns: (Pattern<V> | V)[]): Pattern<V>;
  export function seq<V>(...patterns: (Pattern<V> | V)[]): Pattern<V>;
  export function cat<V>(...patterns: (Pattern<V> | V)[]): Pattern<V>;
  export function note(value: unknown): Pattern;
  export function n(value: unknown): Pattern;
  export function s(value: unknown): Pattern;
  export function sequence<V>(...patterns: (Pattern<V> | V)[]): Pattern<V>;
  export function register<F extends (...args: never[]) => unknown>(
    name: string | string[],
    fn: F,
    patternify?: boolean,
    preserveSteps?: boolean,
  ): F;
  export function signal<V>(fn: (t: number) => V): Pattern<V>;
  export function setStringParser(parser: (code: string) => Pattern): void;
  export function logger(message: string, type?: string): void;
  export function noteToMidi(note: string): number;
  /** A pattern that calls `accessor` each time it is queried. */
  export function ref<V>(accessor: () => V): Pattern<V>;
  export function valueToMidi(value: object, fallback?: number): number;
  export function getFrequency(hap: Hap): number;
  export const strudelScope: Record<string, unknown>;
}

declare module '@strudel/mini' {
  import type { Pattern } from '@strudel/core';
  export function mini(...strings: string[]): Pattern;
  export function m(code: string, offset: number): Pattern;
  export function getLeafLocations(code: string, start: number, userCode: string): [number, number][];
  /** Parses mini-notation; a parse error's message names the line of `userCode` at `start` + its offset. */
  export function mini2ast(code: string, start?: number, userCode?: string): unknown;
  export function miniAllStrings(): void;
}

declare module '@strudel/tonal' {
  export const packageName: string;
}

declare module '@strudel/transpiler' {
  export interface TranspileResult {
    output: string;
    miniLocations: [number, number][];
    /** Sliders: `{ type: 'slider', from, to, value, min, max, step }`; inline visuals: `{ type, to, index }`. */
    widgets: { type: string; from?: number; to?: number; value?: unknown; min?: unknown; max?: unknown; step?: unknown }[];
  }
  export interface TranspileOptions {
    wrapAsync?: boolean;
    addReturn?: boolean;
    emitMiniLocations?: boolean;
    emitWidgets?: boolean;
    id?: string;
  }
  export function transpiler(code: string, options?: TranspileOptions): TranspileResult;
}

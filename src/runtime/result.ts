/**
 * The result of evaluating user code: the one shape that the editor, the scheduler, the CLI, the
 * AI transformers and the type checker build on. Evaluation never throws; everything a user can
 * get wrong arrives in `errors`.
 *
 * - `pattern`: all audible layers stacked, or `null` when evaluation failed.
 * - `layers`: one entry per `$:`/named layer (`d1:`, `bass:`); code without labels gives one layer
 *   with id `main`. Muted layers (`_$:`, `bass_:`) are absent. The scheduler queries each layer
 *   alone, so one failing layer cannot silence the others.
 * - `miniLocations`: character ranges `[start, end)` of every mini-notation atom in the code, for
 *   highlighting; a sounding hap carries the ranges of its atoms in `hap.context.locations`.
 * - `cps`: the tempo the code asked for with `setcps`/`setcpm`, or `null` when it did not.
 * - `errors`: syntax and runtime errors, with 1-based line and column in the user's code.
 */
import type { Pattern } from '@strudel/core';

/** A 1-based position in the user's code. */
import type { SliderPlace } from './sliders.ts';

export interface CodePosition {
  line: number;
  column: number;
}

export type MotifErrorKind = 'syntax' | 'reference' | 'runtime' | 'query' | 'type';

export interface MotifError extends CodePosition {
  kind: MotifErrorKind;
  message: string;
  /** The layer id, for errors raised while a layer is queried (playing). */
  layer?: string;
}

export interface Layer {
  /** `main`, `$0`, `$1`, … for anonymous `$:` layers, or the label (`bass`, `d1`). */
  id: string;
  pattern: Pattern;
  /** Where the layer's statement starts in the code. */
  position: CodePosition;
}

export interface EvalResult {
  pattern: Pattern | null;
  layers: Layer[];
  miniLocations: [number, number][];
  cps: number | null;
  errors: MotifError[];
  warnings: string[];
  /** The code's `slider(…)` calls (runtime/sliders.ts), for the editor to draw. */
  sliders: SliderPlace[];
}

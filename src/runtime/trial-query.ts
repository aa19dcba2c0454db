/**
 * A first look at how each layer plays, at evaluation (pure): cycle 0 is queried a sixteenth at a
 * time (and cycle 1), so that a pattern that fails as soon as it plays (`"hh*"`, an operator without its
 * number) is an error at evaluation, shown at its place while the last good pattern plays on,
 * rather than a layer that falls silent a moment later. A dense layer is looked at only until
 * TRIAL_EVENTS events, so the trial stays cheap.
 */
import { Fraction, State, TimeSpan } from '@strudel/core';
import { mini } from '@strudel/mini';
import type { Node } from 'acorn';
import { TICK_QUERY_DEADLINE_MS, withDeadline } from './deadline.ts';
import { explainLibraryError } from './library-errors.ts';
import { miniStrings } from './mini-errors.ts';
import { positionAt } from './positions.ts';
import type { Layer, MotifError } from './result.ts';

/** Cycle 0 is tried in this many slices… */
const SLICES = 16;
/** …until a layer has given this many events, or this much time has passed. */
const TRIAL_EVENTS = 1000;
const TRIAL_MS = 100;

/** Cycles 0 and 1: `<a b>` alternates by cycle. */
const CYCLES = 2;

const slice = (i: number): State => new State(new TimeSpan(Fraction(`${i}/${SLICES}`), Fraction(`${i + 1}/${SLICES}`)));

/** Queries cycles 0 and 1 slice by slice until TRIAL_EVENTS events; throws what the pattern throws. */
function tryCycle(query: (state: State) => unknown[]): void {
  const until = Date.now() + TRIAL_MS;
  let events = 0;
  for (let i = 0; i < CYCLES * SLICES && events < TRIAL_EVENTS && Date.now() < until; i++) events += query(slice(i)).length;
}
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The first layer that fails on trial, as an error at the mini-notation string that fails, else at the layer. */
export function trialQueryError(code: string, ast: Node | null, layers: readonly Layer[]): MotifError | null {
  for (const layer of layers) {
    try {
      withDeadline(TICK_QUERY_DEADLINE_MS, () => tryCycle((state) => layer.pattern.query(state)));
    } catch (error) {
      for (const { text, offset } of ast ? miniStrings(ast) : []) {
        try {
          const pattern = mini(text);
          tryCycle((state) => pattern.query(state));
        } catch (inner) {
          const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
          return { kind: 'query', message: `Mini-notation "${shown}" fails when played: ${explainLibraryError(message(inner))}`, ...positionAt(code, offset) };
        }
      }
      return { kind: 'query', message: `Layer ${layer.id} fails when played: ${explainLibraryError(message(error))}`, ...layer.position, layer: layer.id };
    }
  }
  return null;
}

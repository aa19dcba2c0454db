/**
 * Loads a pattern for a command (code from read-source.ts): evaluates it, waits for AI
 * transformers to settle, and turns evaluation errors into one user-facing line with
 * file:line:column. Importing this loads Strudel (≈0.6 s), so commands import it when needed.
 */
import type { Layer } from '../runtime/result.ts';
import { UserError } from './errors.ts';
import { evaluateSettled } from './pending.ts';
import type { SampleMapRequest } from '../audio/sample-maps.ts';

export interface LoadedPattern {
  /** What to call the code in messages: the file as given, or `-e`. */
  name: string;
  layers: Layer[];
  /** Tempo from `setcps`/`setcpm`, or null. */
  cps: number | null;
  /** The code's `samples(…)` calls, for a render to load. */
  sampleMaps: SampleMapRequest[];
}

export async function loadPattern(command: string, name: string, code: string, warn?: (line: string) => void): Promise<LoadedPattern> {
  const { result, aiErrors, aiWarnings, sampleMaps } = await evaluateSettled(code);
  const first = result.errors[0];
  if (first) throw new UserError(`${name}:${first.line}:${first.column}: ${first.message}`);
  if (aiErrors[0]) throw new UserError(`${name}:${aiErrors[0]}`);
  for (const warning of aiWarnings) warn?.(`warning: ${name}:${warning}\n`);
  if (!result.layers.length) throw new UserError(`motif ${command}: ${name} plays nothing (no pattern returned or declared with $:)`);
  return { name, layers: result.layers, cps: result.cps, sampleMaps };
}

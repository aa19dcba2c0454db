/**
 * Loads a pattern for a command: from a file (the same code a user types in the editor) or from
 * `-e code`, evaluates it, waits for AI transformers to settle, and turns evaluation errors into one
 * user-facing line with file:line:column.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Layer } from '../runtime/result.ts';
import { UserError, USAGE } from './errors.ts';
import { evaluateSettled } from './pending.ts';

export interface LoadedPattern {
  /** What to call the code in messages: the file as given, or `-e`. */
  name: string;
  layers: Layer[];
  /** Tempo from `setcps`/`setcpm`, or null. */
  cps: number | null;
}

export async function readSource(command: string, cwd: string, file: string | undefined, inline: string | undefined): Promise<{ name: string; code: string }> {
  if (inline !== undefined && file !== undefined) throw new UserError(`motif ${command}: give a file or -e code, not both`, USAGE);
  if (inline !== undefined) return { name: '-e', code: inline };
  if (file === undefined) throw new UserError(`motif ${command}: missing pattern file (or -e code)`, USAGE);
  const path = resolve(cwd, file);
  try {
    if ((await stat(path)).isDirectory()) throw new UserError(`motif ${command}: ${file} is a directory, not a pattern file`);
    return { name: file, code: await readFile(path, 'utf8') };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new UserError(`motif ${command}: cannot read ${file}: ${why}`);
  }
}

export async function loadPattern(command: string, name: string, code: string, warn?: (line: string) => void): Promise<LoadedPattern> {
  const { result, aiErrors, aiWarnings } = await evaluateSettled(code);
  const first = result.errors[0];
  if (first) throw new UserError(`${name}:${first.line}:${first.column}: ${first.message}`);
  if (aiErrors[0]) throw new UserError(`${name}:${aiErrors[0]}`);
  for (const warning of aiWarnings) warn?.(`warning: ${name}:${warning}\n`);
  if (!result.layers.length) throw new UserError(`motif ${command}: ${name} plays nothing (no pattern returned or declared with $:)`);
  return { name, layers: result.layers, cps: result.cps };
}

/**
 * Reads a command's pattern: a file (the same code a user types in the editor) or `-e code`.
 * File-system only, so it is cheap to import.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError, USAGE } from './errors.ts';

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

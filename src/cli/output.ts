/** Writes a command's output file; a path the user got wrong is a user error, not a crash. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from './errors.ts';

export async function writeOutput(command: string, cwd: string, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new UserError(`motif ${command}: cannot write ${path}: ${why}`);
  }
}

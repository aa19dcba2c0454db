/** The repo's melody checkpoint (`models/melody/`), read from disk in Node. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CheckpointSource } from '../melody/model.ts';

/** The folder of the default checkpoint. */
export const defaultMelodyCheckpointDir: string = fileURLToPath(new URL('../../../models/melody/', import.meta.url));

export function defaultMelodyCheckpoint(): CheckpointSource {
  return { kind: 'files', read: (relativePath: string) => readFile(`${defaultMelodyCheckpointDir}${relativePath}`) };
}

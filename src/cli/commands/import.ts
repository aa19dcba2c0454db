/** `motif import song.mid [--track N] [--grid 16]`: prints Motif code for one track of a MIDI file. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeSmf, SmfError, type SmfSong } from '../../midi-file/smf.ts';
import { trackToCode } from '../../midi-file/to-code.ts';
import { numberOption, parseArgs } from '../args.ts';
import { USAGE, UserError } from '../errors.ts';
import type { CliIO } from '../io.ts';

async function readSong(cwd: string, file: string): Promise<SmfSong> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`motif import: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return decodeSmf(bytes);
  } catch (error) {
    if (error instanceof SmfError) throw new UserError(`motif import: ${file}: ${error.message}`);
    throw error;
  }
}

export async function importCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs('import', argv, { track: { value: true, alias: 't' }, grid: { value: true } });
  const grid = numberOption('import', args, 'grid', (n) => Number.isInteger(n) && n >= 1 && n <= 192) ?? 16;
  const file = args.positionals[0];
  if (!file) throw new UserError('motif import: missing MIDI file', USAGE);
  const song = await readSong(io.cwd, file);
  const withNotes = song.tracks.map((track, index) => ({ track, number: index + 1 })).filter(({ track }) => track.notes.length);
  if (!withNotes.length) throw new UserError(`motif import: ${file} has no notes`);
  const list = withNotes.map(({ track, number }) => `${number} "${track.name}"`).join(', ');
  const wanted = numberOption('import', args, 'track', (n) => Number.isInteger(n) && n >= 1);
  const chosen = wanted === undefined ? withNotes[0]! : withNotes.find(({ number }) => number === wanted);
  if (!chosen) throw new UserError(`motif import: ${file} has no notes on track ${wanted}; tracks with notes: ${list}`);
  const result = trackToCode(song, chosen.track.notes, { grid });
  io.stdout(`// ${file}, track ${chosen.number} "${chosen.track.name}"\n${result.code}`);
  const dropped = result.dropped ? `, ${result.dropped} drum notes with no kit name dropped` : '';
  io.stderr(`imported track ${chosen.number}: ${result.notes} notes in ${result.bars} bars${dropped} (tracks with notes: ${list})\n`);
  return 0;
}

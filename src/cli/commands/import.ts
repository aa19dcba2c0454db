/**
 * `motif import song.mid [--track N] [--channel C] [--grid 16]`: prints Motif code for one track
 * (and one MIDI channel of it) of a MIDI file.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeSmf, SmfError, type SmfSong } from '../../midi-file/smf.ts';
import { ImportLimitError, trackToCode } from '../../midi-file/to-code.ts';
import { numberOption, parseArgs } from '../args.ts';
import { USAGE, UserError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { quotedForCode } from '../../util/code-text.ts';

/** The largest MIDI file read (General MIDI songs are kilobytes; a whole album is a few MB). */
export const MAX_MIDI_FILE_BYTES = 16 * 1024 * 1024;

async function readSong(cwd: string, file: string): Promise<SmfSong> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(resolve(cwd, file));
    if (size > MAX_MIDI_FILE_BYTES) throw new UserError(`motif import: ${file} has ${size} bytes, more than the ${MAX_MIDI_FILE_BYTES} a MIDI file may have`);
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    if (error instanceof UserError) throw error;
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
  const args = parseArgs('import', argv, { track: { value: true, alias: 't' }, channel: { value: true }, grid: { value: true } });
  const grid = numberOption('import', args, 'grid', (n) => Number.isInteger(n) && n >= 1 && n <= 192) ?? 16;
  const file = args.positionals[0];
  if (!file) throw new UserError('motif import: missing MIDI file', USAGE);
  const song = await readSong(io.cwd, file);
  const withNotes = song.tracks.map((track, index) => ({ track, number: index + 1 })).filter(({ track }) => track.notes.length);
  if (!withNotes.length) throw new UserError(`motif import: ${file} has no notes`);
  const list = withNotes.map(({ track, number }) => `${number} ${quotedForCode(track.name)}`).join(', ');
  const wanted = numberOption('import', args, 'track', (n) => Number.isInteger(n) && n >= 1);
  const chosen = wanted === undefined ? withNotes[0]! : withNotes.find(({ number }) => number === wanted);
  if (!chosen) throw new UserError(`motif import: ${file} has no notes on track ${wanted}; tracks with notes: ${list}`);
  // A track may mix channels (format-0 files hold everything in one track): import one channel.
  const channels = [...new Set(chosen.track.notes.map((note) => note.channel + 1))].sort((a, b) => a - b);
  const wantedChannel = numberOption('import', args, 'channel', (n) => Number.isInteger(n) && n >= 1 && n <= 16) ?? channels[0]!;
  const notes = chosen.track.notes.filter((note) => note.channel + 1 === wantedChannel);
  if (!notes.length) throw new UserError(`motif import: track ${chosen.number} has no notes on channel ${wantedChannel}; its channels: ${channels.join(', ')}`);
  for (const warning of song.warnings ?? []) io.stderr(`warning: ${file}: ${warning}\n`);
  let result;
  try {
    result = trackToCode(song, notes, { grid });
  } catch (error) {
    if (error instanceof ImportLimitError) throw new UserError(`motif import: ${file}, track ${chosen.number}: ${error.message}`);
    throw error;
  }
  const channelNote = channels.length > 1 ? `, channel ${wantedChannel}` : '';
  // The file's and the track's names are the file's to choose: written as escaped string literals,
  // no name can end the comment and put code on a line of its own.
  io.stdout(`// ${quotedForCode(file)}, track ${chosen.number} ${quotedForCode(chosen.track.name)}${channelNote}\n${result.code}`);
  const dropped = result.dropped ? `, ${result.dropped} drum notes with no kit name dropped` : '';
  const others = channels.length > 1 ? `; the track also has channels ${channels.filter((c) => c !== wantedChannel).join(', ')} (--channel)` : '';
  io.stderr(`imported track ${chosen.number}${channelNote}: ${result.notes} notes in ${result.bars} bar${result.bars === 1 ? '' : 's'}${dropped} (tracks with notes: ${list})${others}\n`);
  return 0;
}

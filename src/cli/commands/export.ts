/** `motif export <file | -e code> --cycles N [--cps X] [--beats 4] -o out.mid`: a Standard MIDI File. */
import { patternToSong } from '../../midi-file/from-pattern.ts';
import { encodeSmf } from '../../midi-file/smf.ts';
import { numberOption, parseArgs, stringOption } from '../args.ts';
import { USAGE, UserError } from '../errors.ts';
import { queryEvents, requireEvents } from '../events.ts';
import type { CliIO } from '../io.ts';
import { writeOutput } from '../output.ts';
import { readSource } from '../read-source.ts';
import { loadPattern } from '../source.ts';
import { DEFAULT_CPS } from '../tempo.ts';
import { parseCycles } from '../span.ts';

export async function exportCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs('export', argv, {
    cycles: { value: true, alias: 'c' },
    cps: { value: true },
    beats: { value: true },
    out: { value: true, alias: 'o' },
    eval: { value: true, alias: 'e' },
  });
  const out = stringOption(args, 'out');
  if (!out) throw new UserError('motif export: missing -o out.mid', USAGE);
  const span = parseCycles('export', stringOption(args, 'cycles') ?? '1');
  const cpsOption = numberOption('export', args, 'cps', (n) => n > 0);
  const beats = numberOption('export', args, 'beats', (n) => Number.isInteger(n) && n >= 1 && n <= 32) ?? 4;
  const source = await readSource('export', io.cwd, args.positionals[0], stringOption(args, 'eval'));
  const loaded = await loadPattern('export', source.name, source.code, io.stderr);
  const events = requireEvents('export', source.name, queryEvents(source.name, loaded.layers, span), span);
  const cps = cpsOption ?? loaded.cps ?? DEFAULT_CPS;
  const { song, skipped } = patternToSong(
    events.map((event) => ({ begin: event.begin.valueOf(), end: event.end.valueOf(), value: event.value, layer: event.layer })),
    { cps, beatsPerCycle: beats, offset: span.begin },
  );
  const notes = song.tracks.reduce((sum, track) => sum + track.notes.length, 0);
  if (!notes) throw new UserError(`motif export: none of the ${events.length} events has a pitch (note, n, freq) or a drum name (bd, sd, hh, …)`);
  await writeOutput('export', io.cwd, out, encodeSmf(song));
  const skippedNote = skipped ? `, ${skipped} events without pitch skipped` : '';
  io.stderr(`wrote ${out}: ${notes} notes on ${song.tracks.length} track${song.tracks.length === 1 ? '' : 's'}, ${song.bpm} BPM${skippedNote}\n`);
  return 0;
}

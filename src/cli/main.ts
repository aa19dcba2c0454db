/**
 * `motif <command> …`: the headless entry point. `main` takes the arguments and an IO sink and
 * returns the exit code, so tests call it in-process; bin/motif.js wires it to the real process.
 * User errors print one line on stderr; anything else is a bug and prints its stack.
 */
import { UserError, USAGE } from './errors.ts';
import type { CliIO } from './io.ts';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  query: async () => (await import('./commands/query.ts')).queryCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  render: async () => (await import('./commands/render.ts')).renderCommand,
  play: async () => (await import('./commands/play.ts')).playCommand,
};

export const usage = `Usage:
  motif query  <file | -e code> [--cycles A:B] [--json] [--exact]   events whose onset lies in the span
  motif render <file | -e code> --cycles N [--cps X] [--rate 48000] [--tail S] [--seed N] -o out.wav
  motif export <file | -e code> --cycles N [--cps X] [--beats 4] -o out.mid   SMF, one track per layer, a cycle = a bar
  motif import <song.mid> [--track N] [--channel C] [--grid 16]     Motif code for a MIDI track (grid: steps per whole note)
  motif play   <file | -e code> [--cycles N] [--cps X]              render, then play on the audio output
--cycles N means cycles 0 to N; A:B a span. Pattern files hold the code you type in the editor.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr)(usage);
    return name ? 0 : USAGE;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`motif: unknown command "${name}" (commands: ${Object.keys(commands).join(', ')}; see motif help)\n`);
    return USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

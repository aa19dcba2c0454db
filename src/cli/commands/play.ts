/**
 * `motif play <file | -e code> [--cycles N] [--cps X]`: renders offline (as `motif render`), then
 * plays the WAV on the default audio output. Where the machine has none, says so in one line.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../../render/wav.ts';
import { findAudioOutput, thisMachine, type MachineProbe } from '../audio-output.ts';
import { parseArgs, stringOption } from '../args.ts';
import { UserError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { readSource } from '../read-source.ts';
import { renderFromArgs, renderOptions } from './render.ts';

function runPlayer(program: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, stderr: error.message }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

export async function playCommand(argv: string[], io: CliIO, machine: MachineProbe = thisMachine()): Promise<number> {
  const args = parseArgs('play', argv, renderOptions);
  await readSource('play', io.cwd, args.positionals[0], stringOption(args, 'eval')); // a missing file first
  const output = findAudioOutput(machine);
  if (!output.ok) throw new UserError(`motif play: no audio output on this machine (${output.reason}); use motif render -o out.wav instead`);
  const { audio, plan } = await renderFromArgs('play', args, io);
  const dir = await mkdtemp(join(tmpdir(), 'motif-play-'));
  const wav = join(dir, 'play.wav');
  try {
    await writeFile(wav, encodeWav(audio.pcm, audio.channels, audio.sampleRate));
    io.stderr(`playing ${plan.notes.length} events, ${(audio.frames / audio.sampleRate).toFixed(1)} s, with ${output.program}\n`);
    const played = await runPlayer(output.program, output.args(wav));
    if (played.code !== 0) {
      const why = played.stderr.trim().split('\n').pop() || `exit code ${played.code}`;
      throw new UserError(`motif play: ${output.program} could not play: ${why}`);
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

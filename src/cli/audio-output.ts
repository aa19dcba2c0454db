/**
 * Finds a way to play a WAV on this machine's default audio output: a player program and a sign
 * that an output exists (a sound card, or a PulseAudio/PipeWire server). Pure apart from the probes
 * it is given, so tests can describe any machine.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface MachineProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether a program is on the PATH. */
  hasProgram(name: string): boolean;
  /** Names in a directory, or [] when it does not exist. */
  list(dir: string): string[];
  exists(path: string): boolean;
}

export type AudioOutput = { ok: true; program: string; args: (wav: string) => string[] } | { ok: false; reason: string };

interface Player {
  program: string;
  args: (wav: string) => string[];
  /** What it plays through: a sound server, a card (ALSA), or either. */
  needs: 'server' | 'card' | 'either';
}

const LINUX_PLAYERS: Player[] = [
  { program: 'pw-play', args: (wav) => [wav], needs: 'server' },
  { program: 'paplay', args: (wav) => [wav], needs: 'server' },
  { program: 'aplay', args: (wav) => ['-q', wav], needs: 'card' },
  { program: 'play', args: (wav) => ['-q', wav], needs: 'either' }, // sox
  { program: 'ffplay', args: (wav) => ['-nodisp', '-autoexit', '-loglevel', 'error', wav], needs: 'either' },
];

function soundServer(probe: MachineProbe): boolean {
  if (probe.env.PULSE_SERVER) return true;
  const runtime = probe.env.XDG_RUNTIME_DIR;
  return !!runtime && (probe.exists(join(runtime, 'pulse', 'native')) || probe.exists(join(runtime, 'pipewire-0')));
}

export function findAudioOutput(probe: MachineProbe): AudioOutput {
  if (probe.platform === 'darwin') {
    return probe.hasProgram('afplay') ? { ok: true, program: 'afplay', args: (wav) => [wav] } : { ok: false, reason: 'afplay is missing' };
  }
  if (probe.platform !== 'linux') return { ok: false, reason: `playing on ${probe.platform} is not supported yet` };
  const card = probe.list('/dev/snd').some((name) => /^pcmC\d+D\d+p$/.test(name));
  const server = soundServer(probe);
  if (!card && !server) return { ok: false, reason: 'no sound card (/dev/snd) and no PulseAudio/PipeWire server' };
  const reaches = (player: Player) => (player.needs === 'server' ? server : player.needs === 'card' ? card : true);
  const player = LINUX_PLAYERS.find((p) => reaches(p) && probe.hasProgram(p.program));
  if (!player) return { ok: false, reason: 'an audio output exists but no player was found (install sox, alsa-utils or pulseaudio-utils)' };
  return { ok: true, program: player.program, args: player.args };
}

/** The real machine. */
export function thisMachine(): MachineProbe {
  const env = process.env;
  return {
    platform: process.platform,
    env,
    hasProgram(name) {
      return (env.PATH ?? '').split(delimiter).some((dir) => {
        try {
          accessSync(join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      });
    },
    list(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    exists: existsSync,
  };
}

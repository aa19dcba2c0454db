/**
 * An SMF track → Motif code (mini-notation), so a melody from a DAW can be edited and fed to the
 * AI transformers. One cycle per bar of the file's metre, quantized to a 16th-note grid (or another
 * grid, e.g. 12 or 24 steps per whole note for triplets). Each bar
 * becomes one step of `<…>`; overlapping notes are split into voices, stacked. Pitched tracks use
 * `note("…")`, channel-10 tracks `s("…")` with kit drum names. Velocities that vary are kept in a
 * `.velocity("…")` of the same rhythm.
 */
import { drumName, GM_DRUM_CHANNEL } from './gm-drums.ts';
import { DEFAULT_VELOCITY } from './from-events.ts';
import { keyToNoteName } from './pitch.ts';
import type { SmfNote, SmfSong } from './smf.ts';

interface GridNote {
  step: number;
  length: number;
  atom: string;
  velocity: number;
}

export interface TrackCode {
  code: string;
  bars: number;
  notes: number;
  /** Notes that could not be written (a drum key with no kit name). */
  dropped: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Splits notes into voices in which no two notes overlap (first free voice wins). */
function voices(notes: GridNote[]): GridNote[][] {
  const result: GridNote[][] = [];
  for (const note of notes) {
    const voice = result.find((v) => v[v.length - 1]!.step + v[v.length - 1]!.length <= note.step);
    if (voice) voice.push(note);
    else result.push([note]);
  }
  return result;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * One bar of one voice as a mini-notation sequence, in the coarsest grid that holds it:
 * 16ths `c4@4 ~@4 e4@8` are written `c4 ~ e4@2`.
 */
function barSequence(notes: GridNote[], stepsPerBar: number, field: (note: GridNote) => string): string {
  const parts: { atom: string; length: number }[] = [];
  let at = 0;
  for (const note of notes) {
    if (note.step > at) parts.push({ atom: '~', length: note.step - at });
    const length = Math.min(note.length, stepsPerBar - note.step);
    parts.push({ atom: field(note), length });
    at = note.step + length;
  }
  if (at < stepsPerBar) parts.push({ atom: '~', length: stepsPerBar - at });
  const unit = parts.reduce((g, part) => gcd(g, part.length), 0) || 1;
  return parts.map(({ atom, length }) => (length === unit ? atom : `${atom}@${length / unit}`)).join(' ');
}

function voicePattern(voice: GridNote[], bars: number, stepsPerBar: number, field: (note: GridNote) => string): string {
  const lines: string[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const inBar = voice.filter((note) => Math.floor(note.step / stepsPerBar) === bar).map((note) => ({ ...note, step: note.step - bar * stepsPerBar }));
    lines.push(inBar.length ? `[${barSequence(inBar, stepsPerBar, field)}]` : '~');
  }
  return bars === 1 ? lines[0]!.replace(/^\[(.*)\]$/, '$1') : `<\n  ${lines.join('\n  ')}\n>`;
}

/** The most bars one import writes (a note far out in the file would otherwise ask for millions). */
export const MAX_IMPORT_BARS = 4096;

/** An import that would exceed MAX_IMPORT_BARS; the message names the note and its bar. */
export class ImportLimitError extends Error {
  override name = 'ImportLimitError';
}

export interface ImportOptions {
  /** Grid steps per whole note: 16 (16th notes, the default), 12 or 24 for triplets, 32, … */
  grid?: number;
}

export function trackToCode(song: SmfSong, notes: SmfNote[], options: ImportOptions = {}): TrackCode {
  const { numerator, denominator } = song.timeSignature;
  const stepsPerWhole = options.grid ?? 16;
  const stepTicks = (song.ticksPerBeat * 4) / stepsPerWhole;
  const stepsPerBar = Math.max(1, Math.round((numerator * stepsPerWhole) / denominator));
  const drums = notes.length > 0 && notes.every((note) => note.channel === GM_DRUM_CHANNEL);
  let dropped = 0;
  const grid: GridNote[] = [];
  for (const note of notes) {
    const atom = drums ? drumName(note.key) : keyToNoteName(note.key);
    if (!atom) {
      dropped++;
      continue;
    }
    const step = Math.round(note.startTick / stepTicks);
    if (step >= MAX_IMPORT_BARS * stepsPerBar) {
      const bar = Math.floor(step / stepsPerBar) + 1;
      throw new ImportLimitError(`a note at tick ${note.startTick} lies in bar ${bar}: an import writes at most ${MAX_IMPORT_BARS} bars`);
    }
    const length = Math.max(1, Math.round((note.endTick - note.startTick) / stepTicks));
    grid.push({ step, length, atom, velocity: note.velocity / 127 });
  }
  grid.sort((a, b) => a.step - b.step || a.atom.localeCompare(b.atom));
  const bars = grid.length ? Math.floor(Math.max(...grid.map((n) => n.step)) / stepsPerBar) + 1 : 1;
  const defaultVelocity = Math.round(DEFAULT_VELOCITY * 127);
  const keepVelocity = grid.some((note) => Math.round(note.velocity * 127) !== defaultVelocity);
  const control = drums ? 's' : 'note';
  // Drums: one line per instrument, as in a drum machine; pitched notes: as few voices as overlap needs.
  const groups = drums ? [...new Set(grid.map((note) => note.atom))].map((atom) => grid.filter((note) => note.atom === atom)) : [grid];
  const patterns = groups.flatMap(voices).map((voice) => {
    const code = `${control}(\`${voicePattern(voice, bars, stepsPerBar, (note) => note.atom)}\`)`;
    return keepVelocity ? `${code}\n  .velocity(\`${voicePattern(voice, bars, stepsPerBar, (note) => String(round(note.velocity)))}\`)` : code;
  });
  const bpm = round(song.bpm);
  const cps = song.bpm / 60 / ((numerator * 4) / denominator);
  const gridName = stepsPerWhole === 16 ? '16th-note grid' : `grid of ${stepsPerWhole} steps per whole note`;
  const header = `// ${numerator}/${denominator} at ${bpm} BPM: one cycle per bar, ${gridName}\nsetcps(${Number(cps.toPrecision(6))})\n`;
  const body = patterns.length === 1 ? patterns[0]! : `stack(\n  ${patterns.join(',\n  ')}\n)`;
  return { code: `${header}${body}\n`, bars, notes: grid.length, dropped };
}

/** Loads a folder of melody MIDI files (e.g. Nottingham's MIDI/) as MelodyRNN event sequences. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { notesToEvents, transposeIntoRange, type MelodyNote, type PitchRange } from '../encodings/melody.ts';
import { readMidiMelody } from './midi-melody.ts';
import { splitOf, type SplitName } from './split.ts';

export interface Tune {
  name: string;
  split: SplitName;
  notes: MelodyNote[];
  /** MelodyRNN events from step 0 (bar lines at multiples of stepsPerBar) to the last note's end. */
  events: number[];
  stepsPerBar: number;
}

/** Every `.mid` file of `folder` (sorted by name), put into `range` by octaves. */
export function loadCorpus(folder: string, range: PitchRange, options: { stepsPerQuarter?: number; track?: number } = {}): Tune[] {
  const names = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.mid')).sort();
  if (names.length === 0) throw new Error(`no .mid files in ${folder}`);
  const tunes: Tune[] = [];
  for (const name of names) {
    const melody = readMidiMelody(readFileSync(join(folder, name)), options);
    if (melody.notes.length === 0) continue;
    const { notes } = transposeIntoRange(melody.notes, range);
    tunes.push({ name, split: splitOf(name), notes, events: notesToEvents(notes, melody.totalSteps, range), stepsPerBar: melody.stepsPerBar });
  }
  return tunes;
}

/** The corpus folder for tests and scripts: env MOTIF_DATA, else ../shared/data/nottingham beside the repo. */
export function defaultNottinghamFolder(repoRoot: string): string {
  const base = process.env.MOTIF_DATA ?? join(repoRoot, '..', 'shared', 'data', 'nottingham');
  return base.endsWith('MIDI') ? base : join(base, 'MIDI');
}

/**
 * Reads the melody track of a MIDI file onto a step grid: onsets and ends quantized to the
 * nearest step, the top line kept where notes overlap.
 */
import midiFile from 'midi-file';
import { extractTopLine, type MelodyNote } from '../encodings/melody.ts';

export interface GridMelody {
  /** Monophonic notes on the grid (steps from the start of the file, bar lines at multiples of stepsPerBar). */
  notes: MelodyNote[];
  wasPolyphonic: boolean;
  /** Length of a bar in steps under the file's first time signature (4/4 when it has none). */
  stepsPerBar: number;
  /** Steps up to the end of the last note. */
  totalSteps: number;
}

export function readMidiMelody(bytes: Uint8Array, options: { track?: number; stepsPerQuarter?: number } = {}): GridMelody {
  const track = options.track ?? 0;
  const stepsPerQuarter = options.stepsPerQuarter ?? 4;
  const midi = midiFile.parseMidi(bytes);
  const ticksPerBeat = midi.header.ticksPerBeat;
  if (ticksPerBeat === undefined) throw new Error('SMPTE-timed MIDI files are not supported');
  const events = midi.tracks[track];
  if (events === undefined) throw new Error(`the MIDI file has no track ${track}`);
  const ticksPerStep = ticksPerBeat / stepsPerQuarter;
  let stepsPerBar: number | null = null;
  for (const e of midi.tracks.flat()) {
    if (e.type === 'timeSignature') {
      stepsPerBar = Math.round((e.numerator * 4 * stepsPerQuarter) / e.denominator);
      break;
    }
  }
  const raw: MelodyNote[] = [];
  const open = new Map<number, number[]>(); // pitch -> onset ticks, oldest first
  let tick = 0;
  for (const e of events) {
    tick += e.deltaTime;
    const isOn = e.type === 'noteOn' && e.velocity > 0;
    const isOff = e.type === 'noteOff' || (e.type === 'noteOn' && e.velocity === 0);
    if (!isOn && !isOff) continue;
    const pitch = e.noteNumber;
    if (isOn) {
      open.set(pitch, [...(open.get(pitch) ?? []), tick]);
      continue;
    }
    const onsets = open.get(pitch);
    const onset = onsets?.shift();
    if (onset === undefined) continue;
    const startStep = Math.round(onset / ticksPerStep);
    const endStep = Math.max(startStep + 1, Math.round(tick / ticksPerStep));
    raw.push({ pitch, startStep, endStep });
  }
  const { notes, wasPolyphonic } = extractTopLine(raw);
  const totalSteps = notes.length === 0 ? 0 : Math.max(...notes.map((n) => n.endStep));
  return { notes, wasPolyphonic, stepsPerBar: stepsPerBar ?? 4 * stepsPerQuarter, totalSteps };
}

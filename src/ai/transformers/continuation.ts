/**
 * From generated events to music (pure): the continuation's notes with the controls they inherit
 * from the prompt, and the looping pattern of prompt plus continuation.
 */
import { Fraction, type Hap, type Pattern } from '@strudel/core';
import { eventsToNotes, NO_EVENT, NOTE_OFF, type MelodyNote, type PitchRange } from '../encodings/melody.ts';
import { loopPattern, type LoopEvent } from './loop.ts';
import type { ContinueMode } from './options.ts';
import { estimatePromptKey, spellInKey } from '../melody/key.ts';
import { controlsOf, hapsToNotes, pitchOf, pitchSpelling } from './prompt.ts';

/** A generated note; steps count from the first step of the continuation. */
export interface GeneratedNote extends MelodyNote {
  /** The `note` value as the source writes pitches: a name spelled in the prompt's key ("eb4"), or a MIDI number. */
  note: string | number;
  /** Non-pitch controls (s, gain, lpf, …) inherited from the prompt. */
  controls: Record<string, unknown>;
}

/** Everything a resolved `.continue()` plays besides its prompt; also what `bake` writes out. */
export interface GeneratedMaterial {
  mode: ContinueMode;
  promptCycles: number;
  cycles: number;
  stepsPerCycle: number;
  notes: GeneratedNote[];
  /** False when the prompt is not a whole number of the source's periods (bake then loops it). */
  promptRepeats?: boolean;
}

/**
 * The prompt event whose controls a note at `cycle` (in source time) inherits: the pitched prompt
 * event sounding at the same phase of the prompt, else the last one that started before it, else
 * the last of the prompt.
 */
function donorAt(pitched: Hap[], promptCycles: number, cycle: number): Hap | undefined {
  const phase = ((cycle % promptCycles) + promptCycles) % promptCycles;
  const sounding = pitched.filter((hap) => hap.whole!.begin.valueOf() <= phase && phase < hap.whole!.end.valueOf());
  if (sounding.length) return sounding[sounding.length - 1];
  const before = pitched.filter((hap) => hap.whole!.begin.valueOf() <= phase);
  return before.length ? before[before.length - 1] : pitched[pitched.length - 1];
}

/**
 * The note still sounding at the end of a primer (its last event other than NO_EVENT is a
 * note-on), as that event; null when the primer ends in silence.
 */
export function heldEvent(primer: number[]): number | null {
  for (let i = primer.length - 1; i >= 0; i--) {
    if (primer[i] === NO_EVENT) continue;
    return primer[i] === NOTE_OFF ? null : primer[i];
  }
  return null;
}

/** Writes a pitch as the prompt writes pitches: MIDI numbers, or names in the prompt's key and case. */
function pitchWriter(promptHaps: Hap[], stepsPerCycle: number): (pitch: number) => string | number {
  const spelling = pitchSpelling(promptHaps);
  if (spelling === 'numbers') return (pitch) => pitch;
  const key = estimatePromptKey(hapsToNotes(promptHaps, stepsPerCycle));
  return (pitch) => (spelling === 'lower' ? spellInKey(pitch, key).toLowerCase() : spellInKey(pitch, key));
}

/**
 * Decodes generated events into notes, undoing the octave shift that fitted the prompt into the
 * model's range (`semitones`), with controls from the prompt events. Where the continuation opens
 * with NO_EVENT while the primer's last note still sounds, the model holds that note: it is
 * sounded again from the first step (the prompt's own copy ends with the prompt).
 */
export function generatedNotes(
  events: number[],
  primer: number[],
  range: PitchRange,
  semitones: number,
  promptHaps: Hap[],
  promptCycles: number,
  stepsPerCycle: number,
): GeneratedNote[] {
  const pitched = promptHaps.filter((hap) => pitchOf(hap.value) !== null);
  const write = pitchWriter(pitched, stepsPerCycle);
  const held = events[0] === NO_EVENT ? heldEvent(primer) : null;
  const decoded = held === null ? eventsToNotes(events, range, 0) : eventsToNotes([held, ...events], range, -1);
  return decoded
    .map((note) => ({ ...note, startStep: Math.max(0, note.startStep) }))
    .filter((note) => note.endStep > note.startStep)
    .map((note) => {
      const donor = donorAt(pitched, promptCycles, promptCycles + note.startStep / stepsPerCycle);
      const pitch = note.pitch - semitones;
      return { ...note, pitch, note: write(pitch), controls: donor ? controlsOf(donor.value) : {} };
    });
}

/** A step position as an exact fraction of cycles. */
export const stepTime = (step: number, stepsPerCycle: number) => Fraction(`${step}/${stepsPerCycle}`);

/** The events of generated notes, placed from cycle `offset` on, cut at `offset + cycles`. */
export function noteEvents(material: GeneratedMaterial, offset: number): LoopEvent[] {
  const { stepsPerCycle, cycles } = material;
  const limit = cycles * stepsPerCycle;
  return material.notes
    .filter((note) => note.startStep < limit)
    .map((note) => ({
      begin: stepTime(note.startStep, stepsPerCycle).add(offset),
      end: stepTime(Math.min(note.endStep, limit), stepsPerCycle).add(offset),
      value: { ...note.controls, note: note.note },
      context: {},
    }));
}

/**
 * The resolved pattern: in 'append' mode the prompt's own events (cycles 0 … P-1, cut at P) then
 * the continuation, looping every P + C cycles; in 'only' mode the continuation alone, every C.
 */
export function resolvedPattern(promptHaps: Hap[], material: GeneratedMaterial): Pattern {
  if (material.mode === 'only') return loopPattern(noteEvents(material, 0), material.cycles);
  const promptEnd = Fraction(material.promptCycles);
  const prompt: LoopEvent[] = promptHaps.map((hap) => ({
    begin: hap.whole!.begin,
    end: hap.whole!.end.gt(promptEnd) ? promptEnd : hap.whole!.end,
    value: hap.value,
    context: hap.context,
  }));
  return loopPattern([...prompt, ...noteEvents(material, material.promptCycles)], material.promptCycles + material.cycles);
}

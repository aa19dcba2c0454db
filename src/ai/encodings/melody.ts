/**
 * MelodyRNN's event encoding of a monophonic melody on a step grid (pure: no tfjs, no DOM).
 *
 * One event per grid step:
 * - `NO_EVENT` (0): nothing happens; a sounding note keeps sounding, silence stays silent;
 * - `NOTE_OFF` (1): the sounding note stops here;
 * - `2 + (pitch - minPitch)`: a note of `pitch` starts here (ending any sounding note).
 *
 * Event ids match Magenta's `MelodyConverter`, so a model trained here reads the same tensors as
 * Magenta's MusicRNN.
 */

/** A note on the grid: MIDI pitch, onset step and end step (exclusive), in steps. */
export interface MelodyNote {
  pitch: number;
  startStep: number;
  endStep: number;
}

/** Inclusive MIDI pitch range that the encoding covers. */
export interface PitchRange {
  minPitch: number;
  maxPitch: number;
}

export const NO_EVENT = 0;
export const NOTE_OFF = 1;
/** Event id of the lowest pitch; pitch p is `FIRST_PITCH_EVENT + p - minPitch`. */
export const FIRST_PITCH_EVENT = 2;

/** Number of distinct events (the one-hot depth): `maxPitch - minPitch + 3`. */
export function eventDepth(range: PitchRange): number {
  return range.maxPitch - range.minPitch + 1 + FIRST_PITCH_EVENT;
}

export function pitchToEvent(pitch: number, range: PitchRange): number {
  if (!Number.isInteger(pitch) || pitch < range.minPitch || pitch > range.maxPitch) {
    throw new RangeError(`pitch ${pitch} is outside ${range.minPitch}..${range.maxPitch}`);
  }
  return FIRST_PITCH_EVENT + pitch - range.minPitch;
}

/** The pitch an event starts, or null for NO_EVENT / NOTE_OFF. */
export function eventToPitch(event: number, range: PitchRange): number | null {
  if (event < FIRST_PITCH_EVENT) return null;
  const pitch = event - FIRST_PITCH_EVENT + range.minPitch;
  if (!Number.isInteger(event) || pitch > range.maxPitch) {
    throw new RangeError(`event ${event} is outside depth ${eventDepth(range)}`);
  }
  return pitch;
}

/**
 * Encodes monophonic notes as `totalSteps` events. Notes are taken in onset order; a note that
 * starts while another sounds cuts it short. Parts beyond `totalSteps` are dropped.
 * Throws a RangeError for a pitch outside `range` (use `transposeIntoRange` first).
 */
export function notesToEvents(notes: MelodyNote[], totalSteps: number, range: PitchRange): number[] {
  const events = new Array<number>(totalSteps).fill(NO_EVENT);
  const sorted = [...notes].sort((a, b) => a.startStep - b.startStep);
  for (let i = 0; i < sorted.length; i++) {
    const note = sorted[i];
    if (note.endStep <= note.startStep) continue;
    if (note.startStep < 0 || note.startStep >= totalSteps) continue;
    events[note.startStep] = pitchToEvent(note.pitch, range);
    const next = sorted[i + 1];
    const end = next !== undefined ? Math.min(note.endStep, next.startStep) : note.endStep;
    const startsAtEnd = next !== undefined && next.startStep === end;
    if (end < totalSteps && !startsAtEnd) events[end] = NOTE_OFF;
  }
  return events;
}

/**
 * Decodes events into notes. Step i of `events` sits at grid step `startStep + i`. A note still
 * sounding after the last event ends at the end of the events.
 */
export function eventsToNotes(events: number[], range: PitchRange, startStep = 0): MelodyNote[] {
  const notes: MelodyNote[] = [];
  let current: MelodyNote | null = null;
  events.forEach((event, i) => {
    const step = startStep + i;
    if (event === NO_EVENT) return;
    if (current !== null) {
      current.endStep = step;
      notes.push(current);
      current = null;
    }
    const pitch = eventToPitch(event, range);
    if (pitch !== null) current = { pitch, startStep: step, endStep: step + 1 };
  });
  if (current !== null) {
    (current as MelodyNote).endStep = startStep + events.length;
    notes.push(current);
  }
  return notes;
}

export interface TopLine {
  notes: MelodyNote[];
  /** True when some notes overlapped, so lower notes were dropped or shortened. */
  wasPolyphonic: boolean;
}

/**
 * The monophonic top line ("skyline") of possibly polyphonic notes: at every step the highest
 * sounding pitch. A new note starts where that pitch changes or where it is re-attacked.
 */
export function extractTopLine(notes: MelodyNote[]): TopLine {
  const valid = notes.filter((n) => n.endStep > n.startStep);
  if (valid.length === 0) return { notes: [], wasPolyphonic: false };
  const first = Math.min(...valid.map((n) => n.startStep));
  const last = Math.max(...valid.map((n) => n.endStep));
  const length = last - first;
  const top = new Array<number>(length).fill(-1);
  const onset = new Array<boolean>(length).fill(false);
  const sounding = new Array<number>(length).fill(0);
  for (const n of valid) {
    for (let s = n.startStep; s < n.endStep; s++) {
      const i = s - first;
      sounding[i]++;
      if (n.pitch > top[i]) {
        top[i] = n.pitch;
        onset[i] = s === n.startStep;
      } else if (n.pitch === top[i] && s === n.startStep) {
        onset[i] = true;
      }
    }
  }
  const wasPolyphonic = sounding.some((count) => count > 1);
  const result: MelodyNote[] = [];
  let current: MelodyNote | null = null;
  for (let i = 0; i < length; i++) {
    const pitch = top[i];
    const continues = current !== null && current.pitch === pitch && current.endStep === first + i && !onset[i];
    if (continues && current !== null) {
      current.endStep = first + i + 1;
      continue;
    }
    if (pitch < 0) continue;
    current = { pitch, startStep: first + i, endStep: first + i + 1 };
    result.push(current);
  }
  return { notes: result, wasPolyphonic };
}

/**
 * Shifts notes by whole octaves so that as many as possible fit `range` (ties: the shift closest to
 * zero); notes still outside are folded into the range by octaves. Returns the notes and the
 * overall shift in semitones.
 */
export function transposeIntoRange(notes: MelodyNote[], range: PitchRange): { notes: MelodyNote[]; semitones: number } {
  if (notes.length === 0) return { notes: [], semitones: 0 };
  let best = 0;
  let bestFit = -1;
  for (let octave = -10; octave <= 10; octave++) {
    const shift = octave * 12;
    const fit = notes.filter((n) => n.pitch + shift >= range.minPitch && n.pitch + shift <= range.maxPitch).length;
    if (fit > bestFit || (fit === bestFit && Math.abs(shift) < Math.abs(best))) {
      best = shift;
      bestFit = fit;
    }
  }
  const shifted = notes.map((n) => ({ ...n, pitch: foldIntoRange(n.pitch + best, range) }));
  return { notes: shifted, semitones: best };
}

/** Moves a pitch by octaves into the range (to the nearest edge octave if the range is < 12). */
export function foldIntoRange(pitch: number, range: PitchRange): number {
  let p = pitch;
  while (p < range.minPitch) p += 12;
  while (p > range.maxPitch) p -= 12;
  return p < range.minPitch ? range.minPitch : p;
}

/** Transposes notes by `semitones`; returns null if any note would leave `range`. */
export function transposeWithin(notes: MelodyNote[], semitones: number, range: PitchRange): MelodyNote[] | null {
  const out = notes.map((n) => ({ ...n, pitch: n.pitch + semitones }));
  return out.every((n) => n.pitch >= range.minPitch && n.pitch <= range.maxPitch) ? out : null;
}

/** Transposes encoded events by `semitones`; returns null if a note-on would leave the range. */
export function transposeEvents(events: number[], semitones: number, range: PitchRange): number[] | null {
  const depth = eventDepth(range);
  const out: number[] = [];
  for (const e of events) {
    if (e < FIRST_PITCH_EVENT) {
      out.push(e);
      continue;
    }
    const shifted = e + semitones;
    if (shifted < FIRST_PITCH_EVENT || shifted >= depth) return null;
    out.push(shifted);
  }
  return out;
}

/**
 * Which events a scale constraint allows: NO_EVENT and NOTE_OFF always, note-ons whose pitch class
 * is in `pitchClasses` (0 = C … 11 = B). An empty or missing list allows everything.
 */
export function allowedEventMask(range: PitchRange, pitchClasses?: readonly number[]): boolean[] {
  const depth = eventDepth(range);
  if (pitchClasses === undefined || pitchClasses.length === 0) return new Array<boolean>(depth).fill(true);
  const set = new Set(pitchClasses.map((pc) => ((pc % 12) + 12) % 12));
  return Array.from({ length: depth }, (_, e) => {
    const pitch = eventToPitch(e, range);
    return pitch === null || set.has(pitch % 12);
  });
}

/**
 * The key or mode of a prompt, estimated so that it works on a handful of notes (pure, on tonal's
 * scale tables).
 *
 * Krumhansl–Kessler correlation alone needs a dozen notes or more; on four notes (c d e g) it can
 * name a key that leaves a prompt note out. Here the candidates are every tonic with the church
 * modes and harmonic minor; the first criterion is how much of the prompt (by duration) the
 * scale covers, and only among scales that cover it equally does the Krumhansl–Kessler profile
 * (major for major-like modes, minor for minor-like ones) choose, with a small bonus for a
 * tonic that the prompt ends or starts on, and a smaller one for the common modes.
 */
import { Note, Scale } from '@tonaljs/tonal';
import type { MelodyNote } from '../encodings/melody.ts';
import { correlation, MAJOR_PROFILE, MINOR_PROFILE } from './continuation-metrics.ts';

export interface PromptKey {
  /** Pitch class of the tonic, 0 = C … 11 = B. */
  tonic: number;
  /** Tonic as tonal spells it in this key, e.g. "Eb". */
  tonicName: string;
  /** tonal's scale name: "major", "dorian", "harmonic minor", … */
  mode: string;
  /** The scale's pitch classes, ascending from the tonic. */
  pitchClasses: number[];
  /** The scale's note names as tonal spells them, in the order of `pitchClasses`. */
  noteNames: string[];
  /** Share of the prompt's duration on scale notes (1 = every note fits). */
  coverage: number;
}


/** Candidate modes, the profile that fits each, and a small prior for the common ones. */
const MODES: ReadonlyArray<{ name: string; minor: boolean; prior: number }> = [
  { name: 'major', minor: false, prior: 0.04 },
  { name: 'minor', minor: true, prior: 0.03 },
  { name: 'dorian', minor: true, prior: 0.01 },
  { name: 'mixolydian', minor: false, prior: 0.01 },
  { name: 'harmonic minor', minor: true, prior: 0 },
  { name: 'phrygian', minor: true, prior: 0 },
  { name: 'lydian', minor: false, prior: 0 },
];

/** Each pitch class spelled as a tonic: the name whose major scale has fewer accidentals. */
const TONIC_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
const TONIC_NAMES_SHARP = ['C', 'C#', 'D', 'D#', 'E', 'F', 'Gb', 'G', 'G#', 'A', 'A#', 'B'];

const accidentals = (names: string[]): number => names.join('').replace(/[A-G]/g, '').length;

function chroma(name: string): number {
  return Note.chroma(name) ?? 0;
}

/** The scale on `tonic` in `mode`, spelled with the fewer accidentals of its two tonic names. */
export function keyOf(tonic: number, mode: string): Omit<PromptKey, 'coverage'> {
  const spellings = [TONIC_NAMES[tonic]!, TONIC_NAMES_SHARP[tonic]!].map((tonicName) => ({
    tonicName,
    noteNames: Scale.get(`${tonicName} ${mode}`).notes,
  }));
  const best = spellings.reduce((a, b) => (accidentals(b.noteNames) < accidentals(a.noteNames) ? b : a));
  return { tonic, tonicName: best.tonicName, mode, pitchClasses: best.noteNames.map(chroma), noteNames: best.noteNames };
}

const KEYS: ReadonlyArray<{ key: Omit<PromptKey, 'coverage'>; minor: boolean; prior: number }> = Array.from({ length: 12 }, (_, tonic) =>
  MODES.map(({ name, minor, prior }) => ({ key: keyOf(tonic, name), minor, prior })),
).flat();

const pitchClass = (pitch: number): number => ((pitch % 12) + 12) % 12;

/** Position of a pitch class on the line of fifths (C = 0, G = 1, … F = 11). */
const fifths = (pc: number): number => (pc * 7) % 12;

/**
 * Where the prompt sits on the circle of fifths: the duration-weighted mean position of its pitch
 * classes along the shortest arc that holds them all (a diatonic scale is seven fifths in a row).
 */
function fifthsCentre(histogram: readonly number[]): number {
  const used = histogram.flatMap((weight, pc) => (weight > 0 ? [{ at: fifths(pc), weight }] : []));
  let best = { gap: -1, start: 0 };
  const sorted = [...used].sort((a, b) => a.at - b.at);
  sorted.forEach((point, i) => {
    const next = sorted[(i + 1) % sorted.length]!;
    const gap = (next.at - point.at + 12) % 12 || 12;
    if (gap > best.gap) best = { gap, start: next.at }; // the arc starts after the largest gap
  });
  const total = used.reduce((s, p) => s + p.weight, 0);
  return used.reduce((s, p) => s + ((p.at - best.start + 12) % 12) * p.weight, 0) / total + best.start;
}

/** Distance on the circle of fifths between two positions. */
const arc = (a: number, b: number): number => {
  const d = (((a - b) % 12) + 12) % 12;
  return Math.min(d, 12 - d);
};

/** Centre on the circle of fifths of a scale's pitch classes (a diatonic set: its fourth fifth). */
function scaleCentre(pitchClasses: readonly number[]): number {
  const histogram = new Array<number>(12).fill(0);
  for (const pc of pitchClasses) histogram[pc] = 1;
  return fifthsCentre(histogram);
}

/** The prompt's key (see the module comment); C major for a prompt without notes. */
export function estimatePromptKey(notes: readonly MelodyNote[]): PromptKey {
  const histogram = new Array<number>(12).fill(0);
  for (const n of notes) histogram[pitchClass(n.pitch)]! += Math.max(1, n.endStep - n.startStep);
  const total = histogram.reduce((s, v) => s + v, 0);
  if (total === 0) return { ...keyOf(0, 'major'), coverage: 1 };
  const ordered = [...notes].sort((a, b) => a.startStep - b.startStep);
  const first = pitchClass(ordered[0]!.pitch);
  const last = pitchClass(ordered[ordered.length - 1]!.pitch);
  const centre = fifthsCentre(histogram);
  let best: PromptKey | null = null;
  let bestScore = -Infinity;
  for (const { key, minor, prior } of KEYS) {
    const set = new Set(key.pitchClasses);
    const coverage = histogram.reduce((s, v, pc) => s + (set.has(pc) ? v : 0), 0) / total;
    // Among scales that cover the prompt alike: the one centred where the prompt sits among the
    // fifths (c d e g: C major's notes rather than G major's), then the tonic that the prompt
    // starts or ends on, whose triad it sounds, and that the Krumhansl–Kessler profile likes.
    const offCentre = arc(centre, scaleCentre(key.pitchClasses)) + (key.mode === 'harmonic minor' ? 0.5 : 0);
    const profile = minor ? MINOR_PROFILE : MAJOR_PROFILE;
    const fit = correlation(histogram, histogram.map((_, pc) => profile[(pc - key.tonic + 12) % 12]!));
    const triad = [0, 2, 4].filter((degree) => histogram[key.pitchClasses[degree]!]! > 0).length / 3;
    const tonic = (first === key.tonic ? 0.2 : 0) + (last === key.tonic ? 0.2 : 0) + 0.3 * triad + 0.1 * fit + prior;
    const score = Math.round(coverage * 100) * 100 - 10 * Math.round(offCentre * 4) / 4 + tonic;
    if (score > bestScore) {
      bestScore = score;
      best = { ...key, coverage };
    }
  }
  return best!;
}

/**
 * Note-on weights per pitch class for sampling a continuation of a prompt in `key`: 1 on the
 * scale and on every pitch class the prompt itself uses, `outside` elsewhere.
 */
export function keyWeights(key: PromptKey, promptNotes: readonly MelodyNote[], outside: number): number[] {
  const inKey = new Set([...key.pitchClasses, ...promptNotes.map((n) => pitchClass(n.pitch))]);
  return Array.from({ length: 12 }, (_, pc) => (inKey.has(pc) ? 1 : outside));
}

/** The pitch `degrees` scale steps from `pitch` in `key`, or null when `pitch` is not on the scale. */
export function moveByDegrees(pitch: number, degrees: number, key: Pick<PromptKey, 'pitchClasses'>): number | null {
  const scale = [...key.pitchClasses].sort((a, b) => a - b);
  const index = scale.indexOf(pitchClass(pitch));
  if (index < 0) return null;
  const octave = Math.floor(pitch / 12);
  const target = index + degrees;
  const wraps = Math.floor(target / scale.length);
  return (octave + wraps) * 12 + scale[target - wraps * scale.length]!;
}

/**
 * A MIDI pitch as a note name in `key` ("Eb4" in C minor, "D#4" in E major): scale notes as the
 * scale spells them, others with the key's accidental (flats in flat keys, else sharps).
 */
export function spellInKey(pitch: number, key: Pick<PromptKey, 'pitchClasses' | 'noteNames'>): string {
  const pc = pitchClass(pitch);
  const index = key.pitchClasses.indexOf(pc);
  const flat = key.noteNames.some((name) => name.includes('b'));
  const name = index >= 0 ? key.noteNames[index]! : Note.pitchClass(flat ? Note.fromMidi(pitch) : Note.fromMidiSharps(pitch));
  // Octave numbers follow the letter (Cb5 is B4's pitch): pick the octave that gives `pitch`.
  const octave = Math.floor(pitch / 12) - 1;
  for (const candidate of [octave, octave + 1, octave - 1]) if (Note.midi(`${name}${candidate}`) === pitch) return `${name}${candidate}`;
  return Note.fromMidi(pitch);
}

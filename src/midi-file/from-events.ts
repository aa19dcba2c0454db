/**
 * Pattern events → MIDI notes (pure): which key, channel and velocity an event's value asks for.
 * `note` (name or number), else `n` as a key number, else `freq`; drum names in `s` go to General
 * MIDI percussion on channel 10. Velocity is `velocity × gain` (defaults 0.9 and 1) scaled to 1–127.
 */
import { drumKey, GM_DRUM_CHANNEL } from './gm-drums.ts';
import { frequencyToKey, noteNameToKey } from './pitch.ts';

export interface MidiVoice {
  /** 0-15; null means "the channel of the track it is on". */
  channel: number | null;
  key: number;
  velocity: number;
}

export const DEFAULT_VELOCITY = 0.9;

function numberField(value: Record<string, unknown>, name: string): number | null {
  const field = value[name];
  return typeof field === 'number' && Number.isFinite(field) ? field : null;
}

function keyOf(value: Record<string, unknown>): number | null {
  const note = value.note;
  if (typeof note === 'number') return Math.round(note);
  if (typeof note === 'string') return noteNameToKey(note);
  const n = numberField(value, 'n');
  if (n !== null && (value.s === undefined || typeof value.s !== 'string' || drumKey(value.s) === null)) return Math.round(n);
  const freq = numberField(value, 'freq');
  if (freq !== null && freq > 0) return frequencyToKey(freq);
  return null;
}

export function velocityOf(value: Record<string, unknown>): number {
  const level = (numberField(value, 'velocity') ?? DEFAULT_VELOCITY) * (numberField(value, 'gain') ?? 1);
  return Math.max(1, Math.min(127, Math.round(level * 127)));
}

/** The MIDI voice for an event value, or null when it names no pitch and no kit drum. */
export function midiVoice(raw: unknown): MidiVoice | null {
  const value: Record<string, unknown> =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : typeof raw === 'number' ? { note: raw } : typeof raw === 'string' ? { note: raw } : {};
  const velocity = velocityOf(value);
  const chan = numberField(value, 'midichan');
  const channel = chan !== null && chan >= 1 && chan <= 16 ? chan - 1 : null;
  const key = keyOf(value);
  if (key !== null && key >= 0 && key <= 127) return { channel, key, velocity };
  if (typeof value.s === 'string') {
    const drum = drumKey(value.s);
    if (drum !== null) return { channel: channel ?? GM_DRUM_CHANNEL, key: drum, velocity };
  }
  return null;
}

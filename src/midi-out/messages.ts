/**
 * One event → the MIDI messages it sends (pure). Times are seconds on the audio clock, like the
 * scheduler's; the router maps them to the MIDI clock.
 *
 * - note on at the onset, note off at onset + duration (1 ms before, so that a repeated key's
 *   note off never lands after its next note on, whatever the rounding): the key and channel as `motif export`
 *   reads them (`note` name or number, else `n`, else `freq`; kit drums on channel 10), channel
 *   from `midichan` 1–16 (default 1), velocity `velocity` (default 0.9) × `gain` → 0–127; a
 *   velocity of 0 sends no note.
 * - `ccn` + `ccv` (0–1 → 0–127): a control change; `progNum`: a program change; `midibend`
 *   (-1–1): pitch bend; `miditouch` (0–1): channel pressure; all at the onset, before the note.
 * - `midicmd`: `clock`, `start`, `stop`, `continue` (system real-time messages).
 */
import { DEFAULT_VELOCITY, midiVoice } from '../midi-file/from-events.ts';
import type { Cps, Seconds } from '../scheduler/types.ts';

export interface MidiEventInput {
  /** The hap's value. */
  value: unknown;
  /** Onset on the audio clock. */
  onset: Seconds;
  duration: Seconds;
  cps?: Cps;
}

export interface TimedMidiMessage {
  /** When to send it, on the audio clock. */
  at: Seconds;
  bytes: number[];
}

const NOTE_OFF = 0x80;
const NOTE_ON = 0x90;
const CONTROL_CHANGE = 0xb0;
const PROGRAM_CHANGE = 0xc0;
const CHANNEL_PRESSURE = 0xd0;
const PITCH_BEND = 0xe0;
const SYSTEM_REAL_TIME: Record<string, number> = { clock: 0xf8, start: 0xfa, continue: 0xfb, stop: 0xfc };

/** Note offs go this much before the event's end (at most half its duration earlier). */
export const NOTE_OFF_LEAD: Seconds = 0.001;

const clamp = (x: number, low: number, high: number) => Math.max(low, Math.min(high, x));
/** 0–1 → 0–127. */
const to7bit = (x: number) => clamp(Math.round(x * 127), 0, 127);

function numberField(value: Record<string, unknown>, name: string): number | null {
  const field = value[name];
  const number = typeof field === 'string' && field.trim() !== '' ? Number(field) : field;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** `velocity × gain` as a MIDI velocity, 0–127. */
export function midiVelocity(value: Record<string, unknown>): number {
  return to7bit((numberField(value, 'velocity') ?? DEFAULT_VELOCITY) * (numberField(value, 'gain') ?? 1));
}

/** `midichan` 1–16 as a 0-based channel; 0 (channel 1) when absent or out of range. */
function channelOf(value: Record<string, unknown>): number {
  const chan = numberField(value, 'midichan');
  return chan !== null && Number.isInteger(chan) && chan >= 1 && chan <= 16 ? chan - 1 : 0;
}

/** The messages sent at the onset, before any note: program, controller, bend, pressure. */
function onsetMessages(value: Record<string, unknown>, channel: number): number[][] {
  const messages: number[][] = [];
  const program = numberField(value, 'progNum');
  if (program !== null && program >= 0 && program <= 127) messages.push([PROGRAM_CHANGE | channel, Math.round(program)]);
  const ccn = numberField(value, 'ccn');
  const ccv = numberField(value, 'ccv');
  if (ccn !== null && ccv !== null && Number.isInteger(ccn) && ccn >= 0 && ccn <= 127) messages.push([CONTROL_CHANGE | channel, ccn, to7bit(ccv)]);
  const bend = numberField(value, 'midibend');
  if (bend !== null) {
    const level = clamp(Math.round(8192 + bend * 8192), 0, 16383);
    messages.push([PITCH_BEND | channel, level & 0x7f, level >> 7]);
  }
  const touch = numberField(value, 'miditouch');
  if (touch !== null) messages.push([CHANNEL_PRESSURE | channel, to7bit(touch)]);
  return messages;
}

/** The messages one event sends, in the order to send them. */
export function midiMessages(event: MidiEventInput): TimedMidiMessage[] {
  const value = typeof event.value === 'object' && event.value !== null ? (event.value as Record<string, unknown>) : { note: event.value };
  const out: TimedMidiMessage[] = [];
  const command = typeof value.midicmd === 'string' ? SYSTEM_REAL_TIME[value.midicmd] : undefined;
  if (command !== undefined) out.push({ at: event.onset, bytes: [command] });
  const voice = midiVoice(value);
  const channel = voice?.channel ?? channelOf(value); // kit drums without `midichan`: channel 10
  for (const bytes of onsetMessages(value, channel)) out.push({ at: event.onset, bytes });
  const velocity = midiVelocity(value);
  if (voice && velocity > 0) {
    out.push({ at: event.onset, bytes: [NOTE_ON | channel, voice.key, velocity] });
    const duration = Math.max(0, event.duration);
    out.push({ at: event.onset + duration - Math.min(NOTE_OFF_LEAD, duration / 2), bytes: [NOTE_OFF | channel, voice.key, 0] });
  }
  return out;
}

/**
 * The audio clock (seconds) → the MIDI clock (milliseconds, `performance.now()`), from moments
 * read on both. Pure: the browser reads them from its AudioContext (src/player/midi-clock.ts).
 */
import type { Seconds } from '../scheduler/types.ts';
import type { Milliseconds } from './outputs.ts';

/** One moment read on both clocks. */
export interface ClockLink {
  audio: Seconds;
  midi: Milliseconds;
}

/**
 * The MIDI time of `audioTime`, `latency` later (the time the audio takes to reach the speakers,
 * so that MIDI notes sound with the audio ones).
 */
export function audioToMidiMs(audioTime: Seconds, link: ClockLink, latency: Seconds = 0): Milliseconds {
  return link.midi + (audioTime + latency - link.audio) * 1000;
}

/** Readings that move the offset by less than this are jitter: the offset stays put. */
export const RESYNC_MS: Milliseconds = 2;

/**
 * The offset between the clocks, kept steady: each reading of the two clocks jitters a little, and
 * a note-off mapped at one reading must not land after the next note-on mapped at another. The
 * offset follows a reading only when it moved by more than `RESYNC_MS` (drift, a resumed context).
 */
export class SteadyClockMap {
  private offset: Milliseconds | null = null;

  /** `read()` gives the clocks at one moment, and the latency to add. */
  constructor(private readonly read: () => { link: ClockLink; latency: Seconds }) {}

  toMidiMs(audioTime: Seconds): Milliseconds {
    const { link, latency } = this.read();
    const reading = audioToMidiMs(0, link, latency);
    if (this.offset === null || Math.abs(reading - this.offset) > RESYNC_MS) this.offset = reading;
    return this.offset + audioTime * 1000;
  }
}

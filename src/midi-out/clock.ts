/**
 * The audio clock (seconds) → the MIDI clock (milliseconds, `performance.now()`), from one moment
 * read on both. Pure: the browser reads the link from its AudioContext (src/player/midi-clock.ts).
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

/**
 * Where each scheduled event goes: events marked for MIDI (`.midi()`) to the MIDI router, all
 * others to the audio engine. Pure: both ends are passed in.
 */
import type { MidiRouter } from '../midi-out/router.ts';
import type { Cps, Cycles, ScheduledEvent, Seconds } from '../scheduler/types.ts';

/** A committed event as the outputs need it: the hap's value on the audio clock. */
export interface OutputEvent {
  value: unknown;
  audioTime: Seconds;
  durationSeconds: Seconds;
  cps: Cps;
  cycle: Cycles;
}

type Ends<E> = { audio: (event: E) => void; midi: Pick<MidiRouter, 'play'> };

/** For events that carry their value (the sandbox's, src/sandbox/protocol.ts). */
export function routeOutputEvents<E extends OutputEvent>(ends: Ends<E>): (event: E) => void {
  return (event) => {
    const toMidi = ends.midi.play({ value: event.value, onset: event.audioTime, duration: event.durationSeconds, cps: event.cps });
    if (!toMidi) ends.audio(event);
  };
}

/** For the scheduler's events, which carry their hap. */
export function routeEvents(ends: Ends<ScheduledEvent>): (event: ScheduledEvent) => void {
  const route = routeOutputEvents<OutputEvent & { event: ScheduledEvent }>({ midi: ends.midi, audio: ({ event }) => ends.audio(event) });
  return (event) => route({ ...event, value: event.hap.value, event });
}

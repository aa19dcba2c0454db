/**
 * Where each scheduled event goes: events marked for MIDI (`.midi()`) to the MIDI router, all
 * others to the audio engine. Pure: both ends are passed in.
 */
import type { MidiRouter } from '../midi-out/router.ts';
import type { ScheduledEvent } from '../scheduler/types.ts';

export function routeEvents(ends: { audio: (event: ScheduledEvent) => void; midi: Pick<MidiRouter, 'play'> }): (event: ScheduledEvent) => void {
  return (event) => {
    const toMidi = ends.midi.play({ value: event.hap.value, onset: event.audioTime, duration: event.durationSeconds, cps: event.cps });
    if (!toMidi) ends.audio(event);
  };
}

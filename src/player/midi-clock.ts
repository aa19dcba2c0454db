/**
 * The AudioContext clock → the MIDI clock (`performance.now()`), so that MIDI notes sound with the
 * audio ones: `getOutputTimestamp()` says which context time is reaching the speakers now; the
 * master bus's limiter adds its delay on top. Steadied against jitter by src/midi-out/clock.ts.
 */
import { LIMITER_DELAY_SECONDS } from '../audio/master-bus.ts';
import { SteadyClockMap } from '../midi-out/clock.ts';
import type { Milliseconds } from '../midi-out/outputs.ts';
import type { Seconds } from '../scheduler/types.ts';

export function midiClockOf(context: AudioContext): (audioTime: Seconds) => Milliseconds {
  const map = new SteadyClockMap(() => {
    const stamp = context.getOutputTimestamp?.();
    if (stamp?.contextTime && stamp.performanceTime) {
      return { link: { audio: stamp.contextTime, midi: stamp.performanceTime }, latency: LIMITER_DELAY_SECONDS };
    }
    // Not playing yet: the context's own latency estimate.
    const latency = (context.baseLatency ?? 0) + (context.outputLatency ?? 0) + LIMITER_DELAY_SECONDS;
    return { link: { audio: context.currentTime, midi: performance.now() }, latency };
  });
  return (audioTime) => map.toMidiMs(audioTime);
}

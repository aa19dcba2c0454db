/**
 * The AudioContext clock → the MIDI clock (`performance.now()`), so that MIDI notes sound with the
 * audio ones: `getOutputTimestamp()` says which context time is reaching the speakers now; the
 * master bus's limiter adds its delay on top.
 */
import { LIMITER_DELAY_SECONDS } from '../audio/master-bus.ts';
import { audioToMidiMs } from '../midi-out/clock.ts';
import type { Milliseconds } from '../midi-out/outputs.ts';
import type { Seconds } from '../scheduler/types.ts';

export function midiClockOf(context: BaseAudioContext & Partial<Pick<AudioContext, 'getOutputTimestamp' | 'baseLatency' | 'outputLatency'>>): (audioTime: Seconds) => Milliseconds {
  return (audioTime) => {
    const stamp = context.getOutputTimestamp?.();
    if (stamp?.contextTime && stamp.performanceTime) {
      return audioToMidiMs(audioTime, { audio: stamp.contextTime, midi: stamp.performanceTime }, LIMITER_DELAY_SECONDS);
    }
    // Not playing yet: the context's own latency estimate.
    const latency = (context.baseLatency ?? 0) + (context.outputLatency ?? 0) + LIMITER_DELAY_SECONDS;
    return audioToMidiMs(audioTime, { audio: context.currentTime, midi: performance.now() }, latency);
  };
}

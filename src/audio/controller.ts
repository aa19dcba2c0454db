/**
 * superdough mixes every voice into one output node of its audio controller
 * (`controller.output.destinationGain`), which it connects to `context.destination`. Motif reroutes
 * that node into its master bus, and cuts voices by fading the controller out and starting a fresh
 * one. The fields used here are public in superdough; nothing of superdough's is patched.
 */
import { getSuperdoughAudioController, setSuperdoughAudioController } from 'superdough';
import type { Seconds } from '../scheduler/types.ts';

interface SuperdoughController {
  output: { destinationGain: GainNode | null };
}

function current(): SuperdoughController {
  return getSuperdoughAudioController() as unknown as SuperdoughController;
}

function outputOf(controller: SuperdoughController): GainNode {
  const gain = controller.output.destinationGain;
  if (!gain) throw new Error('superdough audio controller has no output node');
  return gain;
}

/** Starts a fresh superdough controller on the current superdough context, feeding `input`. */
export function freshController(input: AudioNode): void {
  setSuperdoughAudioController(null);
  const output = outputOf(current());
  output.disconnect();
  output.connect(input);
}

/**
 * Fades every sounding and already scheduled voice out over `fade` seconds, then drops them: the
 * old controller is disconnected and new voices go to a fresh one, straight away.
 */
export function cutVoices(context: BaseAudioContext, input: AudioNode, fade: Seconds = 0.01): void {
  const old = outputOf(current());
  const now = context.currentTime;
  old.gain.cancelScheduledValues(now);
  old.gain.setValueAtTime(old.gain.value, now);
  old.gain.linearRampToValueAtTime(0, now + fade);
  freshController(input);
  setTimeout(() => old.disconnect(), (fade + 0.05) * 1000);
}

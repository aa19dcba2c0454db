/**
 * The browser's MIDI outputs, through Web MIDI (`navigator.requestMIDIAccess`). Rejects when the
 * browser has no Web MIDI or refuses access; the router turns that into one warning.
 */
import type { Milliseconds, MidiOutputs } from '../midi-out/outputs.ts';

export async function openWebMidiOutputs(): Promise<MidiOutputs> {
  if (typeof navigator === 'undefined' || typeof navigator.requestMIDIAccess !== 'function') {
    throw new Error('this browser has no Web MIDI (navigator.requestMIDIAccess)');
  }
  const access = await navigator.requestMIDIAccess({ sysex: false });
  // `access.outputs` is live: devices plugged in later appear, unplugged ones go.
  const outputs = (): MIDIOutput[] => [...access.outputs.values()];
  return {
    names: () => outputs().map((output) => output.name ?? output.id),
    send(index: number, bytes: readonly number[], atMs: Milliseconds) {
      outputs()[index]?.send([...bytes], atMs);
    },
  };
}

/**
 * The MIDI edge as the rest of Motif sees it: a list of outputs and a way to send bytes to one of
 * them at a time on the MIDI clock. The browser's implementation (Web MIDI) is in
 * src/player/web-midi-outputs.ts; tests pass a fake.
 */

/** Milliseconds on the MIDI clock: `performance.now()` in the browser. */
export type Milliseconds = number;

export interface MidiOutputs {
  /** The outputs' names, in the order `.midi(index)` counts them. Read anew on each call (devices come and go). */
  names(): string[];
  /** Sends one message to output `index`, to go out at `atMs` (now, if that has passed). */
  send(index: number, bytes: readonly number[], atMs: Milliseconds): void;
}

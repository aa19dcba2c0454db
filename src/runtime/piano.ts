/**
 * `.piano()`: strudel.cc's website (not its packages) adds it, and many of its tunes use it. As
 * there: the `piano` sample bank, notes held to the end of their event unless `clip` says
 * otherwise, a 0.1 s release, and pan by pitch (low notes left of centre, high notes right, within
 * the middle half). The bank comes from the network on strudel.cc, so Motif's engine warns once
 * that `piano` is not loaded unless `samples(…)` provides it.
 */
import { noteToMidi, Pattern, valueToMidi } from '@strudel/core';

const HIGHEST = noteToMidi('C8');
/** Pan positions use the middle half of the stereo field. */
const WIDTH = 0.5;

type Value = Record<string, unknown>;

function pianoValue(value: Value): Value {
  const position = Math.min(Math.round(valueToMidi(value)) / HIGHEST, 1);
  const pan = position * WIDTH + (1 - WIDTH) / 2;
  return { ...value, clip: value.clip ?? 1, s: 'piano', release: 0.1, pan: (Number(value.pan) || 1) * pan };
}

/** Installs `Pattern.prototype.piano` (idempotent). */
export function installPianoMethod(): void {
  const proto = Pattern.prototype as unknown as Record<string, unknown>;
  proto.piano = function (this: Pattern): Pattern {
    return this.fmap((value: unknown) => pianoValue(value as Value));
  };
}

/**
 * `.midi(device?)`, as on strudel.cc: the pattern's events go to a MIDI output instead of Web
 * Audio. The method only marks the events (the `midiport` control, see src/midi-out/device.ts), so
 * the pattern stays plain data: `motif query` shows the mark, `motif export` writes the notes, and
 * the browser player routes marked events to MIDI (src/midi-out/router.ts).
 *
 * The device may be a pattern (`.midi("<0 1>")`); a double-quoted name is mini-notation, so a
 * name with spaces goes in single quotes, as on strudel.cc: `.midi('IAC Driver Bus 1')`.
 */
import { isPattern, Pattern } from '@strudel/core';
import { markForMidi, type MidiDevice } from '../midi-out/device.ts';

type PatternWithMidi = Pattern & { midi?: (device?: MidiDevice | Pattern) => Pattern };
/** Strudel's applicative join, keeping the structure of the left pattern. */
type Applicable = { appLeft(other: Pattern): Pattern };

function asDevice(device: unknown): MidiDevice {
  if (typeof device === 'string' || typeof device === 'number') return device;
  throw new TypeError(`.midi() expects an output's name or index, got ${String(device)}`);
}

/** Installs `Pattern.prototype.midi` (once). */
export function installMidiMethod(): void {
  const proto = Pattern.prototype as PatternWithMidi;
  if (Object.prototype.hasOwnProperty.call(proto, 'midi')) return;
  proto.midi = function (this: Pattern, device?: MidiDevice | Pattern): Pattern {
    if (device === undefined) return this.withValue((value) => markForMidi(value));
    if (!isPattern(device)) {
      const chosen = asDevice(device);
      return this.withValue((value) => markForMidi(value, chosen));
    }
    const marks: unknown = this.fmap((value) => (each: unknown) => markForMidi(value, asDevice(each)));
    return (marks as Applicable).appLeft(device);
  };
}

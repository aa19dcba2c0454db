/**
 * Which events go to MIDI, and to which output. `.midi(device)` marks events by setting the
 * `midiport` control (plain data: `motif query` shows it, `motif export` keeps the notes), so an
 * event with a `midiport` is a MIDI event. The device is an output's index (0: the first) or a
 * name: exact, else the first output whose name contains it, ignoring case.
 */

/** The control that marks an event for MIDI output and names its device. */
export const MIDI_MARK = 'midiport';

export type MidiDevice = string | number;

/** The event's device, or null when the event is not for MIDI. */
export function midiDeviceOf(value: unknown): MidiDevice | null {
  if (typeof value !== 'object' || value === null) return null;
  const device = (value as Record<string, unknown>)[MIDI_MARK];
  return typeof device === 'string' || typeof device === 'number' ? device : null;
}

/** The value with the MIDI mark; a device already set on the event (`.midiport(…)`) wins, as on strudel.cc. */
export function markForMidi(value: unknown, device: MidiDevice = 0): Record<string, unknown> {
  const fields: Record<string, unknown> = typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : { note: value };
  if (midiDeviceOf(fields) === null) fields[MIDI_MARK] = device;
  return fields;
}

/** The index of the output `device` names among `names`, or null when none matches. */
export function chooseOutput(device: MidiDevice, names: readonly string[]): number | null {
  if (typeof device === 'number') return Number.isInteger(device) && device >= 0 && device < names.length ? device : null;
  const exact = names.indexOf(device);
  if (exact >= 0) return exact;
  const wanted = device.trim().toLowerCase();
  if (!wanted) return null;
  const partial = names.findIndex((name) => name.toLowerCase().includes(wanted));
  return partial >= 0 ? partial : null;
}

/** How a warning names the device: `"IAC Driver"`, `the first output`, `output 3`. */
export function describeDevice(device: MidiDevice): string {
  if (typeof device === 'string') return `"${device}"`;
  return device === 0 ? 'the first output' : `output ${device}`;
}

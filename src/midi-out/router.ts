/**
 * Sends MIDI-marked events to the MIDI outputs (pure: the outputs, the clock mapping and the
 * warnings channel are passed in). MIDI access is asked for only when the first marked event
 * arrives; events that arrive while it is pending are sent once it is granted.
 *
 * Problems never stop the music: no MIDI access, no output, an unknown device, or an output that
 * fails each give one warning, naming the device and the outputs there are, and those events are dropped.
 */
import { chooseOutput, describeDevice, midiDeviceOf, type MidiDevice } from './device.ts';
import { midiMessages, type MidiEventInput } from './messages.ts';
import type { Milliseconds, MidiOutputs } from './outputs.ts';
import type { Seconds } from '../scheduler/types.ts';

export interface MidiRouterOptions {
  /** Asks for MIDI access; called once, on the first marked event. */
  open: () => Promise<MidiOutputs>;
  /** The audio clock → the MIDI clock. */
  toMidiMs: (audioTime: Seconds) => Milliseconds;
  warn: (message: string) => void;
}

/** Events waiting for MIDI access, at most this many (the oldest are dropped). */
const MAX_WAITING = 256;

const listNames = (names: readonly string[]) => (names.length ? names.map((name) => `"${name}"`).join(', ') : 'none');

export class MidiRouter {
  private outputs: MidiOutputs | null = null;
  private opening: Promise<void> | null = null;
  private unavailable = false;
  private readonly waiting: MidiEventInput[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly options: MidiRouterOptions) {}

  /** Sends the event to MIDI if it is marked for MIDI; false (nothing done) when it is not. */
  play(event: MidiEventInput): boolean {
    const device = midiDeviceOf(event.value);
    if (device === null) return false;
    if (this.outputs) this.send(this.outputs, device, event);
    else if (!this.unavailable) this.wait(event, device);
    return true;
  }

  /** Resolves once MIDI access is granted or refused (for tests and callers that want to know). */
  async ready(): Promise<void> {
    await this.opening;
  }

  private wait(event: MidiEventInput, device: MidiDevice): void {
    this.waiting.push(event);
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    this.opening ??= this.options.open().then(
      (outputs) => {
        this.outputs = outputs;
        for (const queued of this.waiting.splice(0)) this.send(outputs, midiDeviceOf(queued.value) ?? device, queued);
      },
      (error: unknown) => {
        this.unavailable = true;
        this.waiting.length = 0;
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        this.warnOnce(`MIDI output is not available (${reason}): .midi() events to ${describeDevice(device)} are not played; the other layers play on`);
      },
    );
  }

  private send(outputs: MidiOutputs, device: MidiDevice, event: MidiEventInput): void {
    const names = outputs.names();
    const index = chooseOutput(device, names);
    if (index === null) {
      const problem = names.length ? `no MIDI output ${describeDevice(device)}` : `no MIDI output is connected, so none for ${describeDevice(device)}`;
      this.warnOnce(`.midi(): ${problem}; available outputs: ${listNames(names)}. Its events are not played; the other layers play on`);
      return;
    }
    try {
      for (const message of midiMessages(event)) outputs.send(index, message.bytes, this.options.toMidiMs(message.at));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.warnOnce(`.midi(): MIDI output "${names[index]}" failed (${reason}); the other layers play on`);
    }
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.options.warn(message);
  }
}

/**
 * MIDI output, the pure part: event values → timed MIDI messages (src/midi-out/messages.ts), which
 * output a device names (device.ts), the audio → MIDI clock (clock.ts), and the router that sends
 * marked events to a fake `MidiOutputs` and warns once about each problem (router.ts).
 */
import { describe, expect, it } from 'vitest';
import { audioToMidiMs, SteadyClockMap } from '../src/midi-out/clock.ts';
import { chooseOutput, markForMidi, midiDeviceOf } from '../src/midi-out/device.ts';
import { midiMessages, midiVelocity, type MidiEventInput } from '../src/midi-out/messages.ts';
import type { MidiOutputs } from '../src/midi-out/outputs.ts';
import { MidiRouter } from '../src/midi-out/router.ts';
import { routeEvents } from '../src/player/event-output.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
import { ManualClock, ManualTimer, Scheduler, type ScheduledEvent } from '../src/scheduler/index.ts';

const event = (value: unknown, onset = 10, duration = 0.5): MidiEventInput => ({ value, onset, duration, cps: 0.5 });

describe('midiMessages: one event → timed messages', () => {
  it('note names and numbers: note on at the onset, note off at onset + duration (1 ms early), channel 1, velocity 0.9', () => {
    expect(midiMessages(event({ note: 'c4' }))).toEqual([
      { at: 10, bytes: [0x90, 60, 114] },
      { at: 10.499, bytes: [0x80, 60, 0] },
    ]);
    expect(midiMessages(event({ note: 'c4' }, 10, 0.001))[1].at).toBeCloseTo(10.0005, 9); // never more than half the note early
    expect(midiMessages(event({ note: 'a' }, 2, 0.25)).map((m) => m.bytes)).toEqual([[0x90, 57, 114], [0x80, 57, 0]]); // octave 3 by default, as Strudel
    expect(midiMessages(event({ note: 61.4 }))[0].bytes).toEqual([0x90, 61, 114]);
    expect(midiMessages(event({ n: 48 }))[0].bytes).toEqual([0x90, 48, 114]);
    expect(midiMessages(event('eb3'))[0].bytes).toEqual([0x90, 51, 114]);
  });

  it('channel from midichan 1–16 (out of range: channel 1); kit drums on channel 10', () => {
    expect(midiMessages(event({ note: 'c4', midichan: 2 }))[0].bytes[0]).toBe(0x91);
    expect(midiMessages(event({ note: 'c4', midichan: 16 }))[1].bytes[0]).toBe(0x8f);
    expect(midiMessages(event({ note: 'c4', midichan: 17 }))[0].bytes[0]).toBe(0x90);
    expect(midiMessages(event({ s: 'bd' }))[0].bytes).toEqual([0x99, 36, 114]);
  });

  it('velocity × gain → 0–127, clamped; velocity 0 sends no note', () => {
    expect(midiVelocity({ velocity: 0.5 })).toBe(64);
    expect(midiVelocity({ velocity: 1, gain: 2 })).toBe(127);
    expect(midiVelocity({ velocity: -1 })).toBe(0);
    expect(midiMessages(event({ note: 'c4', velocity: 0.5, gain: 0.5 }))[0].bytes).toEqual([0x90, 60, 32]);
    expect(midiMessages(event({ note: 'c4', gain: 0 }))).toEqual([]);
  });

  it('control change from ccn/ccv (0–1 → 0–127) at the onset, before the note; alone without a note', () => {
    expect(midiMessages(event({ note: 'c4', ccn: 74, ccv: 0.5, midichan: 3 })).map((m) => [m.at, m.bytes])).toEqual([
      [10, [0xb2, 74, 64]],
      [10, [0x92, 60, 114]],
      [10.499, [0x82, 60, 0]],
    ]);
    expect(midiMessages(event({ ccn: 1, ccv: 2 }))).toEqual([{ at: 10, bytes: [0xb0, 1, 127] }]);
    expect(midiMessages(event({ ccn: 200, ccv: 0.5 }))).toEqual([]); // no such controller
  });

  it('program change, pitch bend, channel pressure and real-time commands', () => {
    expect(midiMessages(event({ progNum: 10 }))[0].bytes).toEqual([0xc0, 10]);
    expect(midiMessages(event({ midibend: 0 }))[0].bytes).toEqual([0xe0, 0, 64]);
    expect(midiMessages(event({ midibend: 1 }))[0].bytes).toEqual([0xe0, 127, 127]);
    expect(midiMessages(event({ miditouch: 1 }))[0].bytes).toEqual([0xd0, 127]);
    expect(midiMessages(event({ midicmd: 'start' }))).toEqual([{ at: 10, bytes: [0xfa] }]);
    expect(midiMessages(event({ midicmd: 'clock' }))[0].bytes).toEqual([0xf8]);
  });
});

describe('the MIDI mark and the device', () => {
  it('.midi() marks events with midiport (default 0); an earlier midiport wins', async () => {
    const marked = await evaluate('note("c a").midi()');
    expect(marked.pattern!.queryArc(0, 1).map((hap) => hap.value)).toEqual([
      { note: 'c', midiport: 0 },
      { note: 'a', midiport: 0 },
    ]);
    const named = await evaluate(`note("c").midi('IAC Driver Bus 1')`);
    expect(named.pattern!.queryArc(0, 1)[0].value).toEqual({ note: 'c', midiport: 'IAC Driver Bus 1' });
    const patternedDevice = await evaluate('note("c*2").midi("<IAC 1>")');
    expect(patternedDevice.pattern!.queryArc(0, 2).map((hap) => (hap.value as { midiport: unknown }).midiport)).toEqual(['IAC', 'IAC', 1, 1]);
    const patterned = await evaluate('note("c a").midiport("<1 2>").midi("IAC")');
    expect(patterned.pattern!.queryArc(1, 2).map((hap) => (hap.value as { midiport: number }).midiport)).toEqual([2, 2]);
    expect(markForMidi('e4', 1)).toEqual({ note: 'e4', midiport: 1 });
    expect(midiDeviceOf({ note: 'c' })).toBeNull();
    expect(midiDeviceOf({ note: 'c', midiport: 0 })).toBe(0);
  });

  it('chooses an output by index, exact name, or part of a name ignoring case', () => {
    const names = ['Midi Through Port-0', 'IAC Driver Bus 1', 'USB Synth'];
    expect(chooseOutput(0, names)).toBe(0);
    expect(chooseOutput(2, names)).toBe(2);
    expect(chooseOutput(3, names)).toBeNull();
    expect(chooseOutput('USB Synth', names)).toBe(2);
    expect(chooseOutput('iac', names)).toBe(1);
    expect(chooseOutput('Moog', names)).toBeNull();
    expect(chooseOutput(0, [])).toBeNull();
  });

  it('maps audio seconds to MIDI milliseconds from one moment read on both clocks', () => {
    expect(audioToMidiMs(10.5, { audio: 10, midi: 2000 })).toBe(2500);
    expect(audioToMidiMs(10, { audio: 10, midi: 2000 }, 0.02)).toBeCloseTo(2020, 9);
  });

  it('keeps the offset steady through jitter, and follows a real jump', () => {
    const readings = [2000, 2000.3, 1999.8, 2010, 2010.1];
    const map = new SteadyClockMap(() => ({ link: { audio: 10, midi: readings.shift()! }, latency: 0 }));
    expect([10, 10.5, 11, 11.5, 12].map((t) => map.toMidiMs(t))).toEqual([2000, 2500, 3000, 3510, 4010]);
  });
});

interface Sent {
  output: number;
  bytes: readonly number[];
  atMs: number;
}

function fakeOutputs(names: string[]): MidiOutputs & { sent: Sent[] } {
  const sent: Sent[] = [];
  return { sent, names: () => [...names], send: (output, bytes, atMs) => sent.push({ output, bytes, atMs }) };
}

function router(open: () => Promise<MidiOutputs>) {
  const warnings: string[] = [];
  let opened = 0;
  const midi = new MidiRouter({
    open: () => (opened++, open()),
    toMidiMs: (audioTime) => 1000 + audioTime * 1000,
    warn: (message) => warnings.push(message),
  });
  return { midi, warnings, opened: () => opened };
}

describe('MidiRouter', () => {
  it('leaves unmarked events alone and asks for MIDI access only on the first marked event', async () => {
    const outputs = fakeOutputs(['Synth A', 'Synth B']);
    const { midi, warnings, opened } = router(async () => outputs);
    expect(midi.play(event({ note: 'c4' }))).toBe(false);
    expect(opened()).toBe(0);
    expect(midi.play(event({ note: 'c4', midiport: 1 }, 1, 0.5))).toBe(true);
    expect(opened()).toBe(1);
    await midi.ready();
    expect(midi.play(event({ note: 'e4', midiport: 'synth a' }, 2, 0.25))).toBe(true);
    expect(opened()).toBe(1);
    expect(outputs.sent).toEqual([
      { output: 1, bytes: [0x90, 60, 114], atMs: 2000 },
      { output: 1, bytes: [0x80, 60, 0], atMs: 2499 },
      { output: 0, bytes: [0x90, 64, 114], atMs: 3000 },
      { output: 0, bytes: [0x80, 64, 0], atMs: 3249 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns once, with the reason, when MIDI access is refused; the events are dropped', async () => {
    const { midi, warnings, opened } = router(async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    midi.play(event({ note: 'c4', midiport: 0 }));
    await midi.ready();
    expect(midi.play(event({ note: 'd4', midiport: 0 }))).toBe(true);
    expect(opened()).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('NotAllowedError');
    expect(warnings[0]).toContain('the first output');
  });

  it('warns once about an unknown device, naming it and the outputs there are', async () => {
    const outputs = fakeOutputs(['Synth A', 'Synth B']);
    const { midi, warnings } = router(async () => outputs);
    midi.play(event({ note: 'c4', midiport: 'Moog' }));
    await midi.ready();
    midi.play(event({ note: 'd4', midiport: 'Moog' }));
    midi.play(event({ note: 'd4', midiport: 0 }));
    expect(warnings).toEqual(['.midi(): no MIDI output "Moog"; available outputs: "Synth A", "Synth B". Its events are not played; the other layers play on']);
    expect(outputs.sent.map((s) => s.output)).toEqual([0, 0]);
  });

  it('warns once when no output is connected', async () => {
    const { midi, warnings } = router(async () => fakeOutputs([]));
    midi.play(event({ note: 'c4', midiport: 0 }));
    await midi.ready();
    midi.play(event({ note: 'c4', midiport: 0 }));
    expect(warnings).toEqual(['.midi(): no MIDI output is connected, so none for the first output; available outputs: none. Its events are not played; the other layers play on']);
  });
});

describe('the player\'s routing: scheduler → MIDI or audio', () => {
  it('sends a .midi() layer to the MIDI output with its timestamps and bytes; a plain layer plays on audio', async () => {
    const result = await evaluate('setcps(0.5)\n$: note("c4 e4").midichan(2).velocity(0.5).midi()\n$: s("bd*4")');
    expect(result.errors).toEqual([]);
    const outputs = fakeOutputs(['Synth']);
    const audio: ScheduledEvent[] = [];
    // The MIDI clock runs 5000 ms ahead of the audio clock.
    const midi = new MidiRouter({ open: async () => outputs, toMidiMs: (t) => 5000 + t * 1000, warn: (message) => expect.fail(message) });
    const clock = new ManualClock(10);
    const timer = new ManualTimer(0.02);
    const scheduler = new Scheduler({ clock, timer, output: routeEvents({ audio: (e) => audio.push(e), midi }), timing: { lookAheadSeconds: 0.1, startDelaySeconds: 0.05 } });
    scheduler.setLayers(result.layers, { cps: result.cps });
    scheduler.start();
    while (clock.now() < 11.9) {
      clock.advance(0.02);
      timer.fire();
      await midi.ready();
    }
    scheduler.stop();
    const t0 = 10.05; // cycle 0 on the audio clock; one cycle is 2 s
    expect(audio.map((e) => (e.hap.value as { s: string }).s)).toEqual(['bd', 'bd', 'bd', 'bd']);
    expect(audio.map((e) => Math.round((e.audioTime - t0) * 1e6) / 1e6)).toEqual([0, 0.5, 1, 1.5]);
    expect(outputs.sent.map((m) => ({ ...m, atMs: Math.round(m.atMs * 1000) / 1000 }))).toEqual([
      { output: 0, bytes: [0x91, 60, 64], atMs: 5000 + t0 * 1000 },
      { output: 0, bytes: [0x81, 60, 0], atMs: 5000 + (t0 + 1) * 1000 - 1 },
      { output: 0, bytes: [0x91, 64, 64], atMs: 5000 + (t0 + 1) * 1000 },
      { output: 0, bytes: [0x81, 64, 0], atMs: 5000 + (t0 + 2) * 1000 - 1 },
    ]);
  });
});

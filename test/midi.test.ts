/**
 * `motif export` and `motif import`: SMF files read back by an independent reader (@tonejs/midi),
 * General MIDI drums on channel 10, and export → import → query giving the same events.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIO } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { midiVoice } from '../src/midi-file/from-events.ts';
import { keyToNoteName, noteNameToKey } from '../src/midi-file/pitch.ts';
import { decodeSmf, encodeSmf } from '../src/midi-file/smf.ts';
import { trackToCode } from '../src/midi-file/to-code.ts';

interface ToneNote {
  midi: number;
  ticks: number;
  durationTicks: number;
  time: number;
  duration: number;
  velocity: number;
}
interface ToneMidi {
  header: { ppq: number; tempos: { bpm: number }[]; timeSignatures: { timeSignature: number[] }[] };
  tracks: { name: string; channel: number; notes: ToneNote[] }[];
}
// @tonejs/midi's ES build does not load in plain Node; its CommonJS build does.
const { Midi } = createRequire(import.meta.url)('@tonejs/midi') as { Midi: new (bytes: Uint8Array) => ToneMidi };

const dir = mkdtempSync(join(tmpdir(), 'motif-midi-'));

async function run(...argv: string[]) {
  const io = memoryIO(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

interface QueryEvent {
  begin: number;
  end: number;
  value: Record<string, unknown>;
}

async function query(code: string, cycles: string): Promise<QueryEvent[]> {
  const result = await run('query', '-e', code, '--cycles', cycles, '--json');
  expect(result.err).toBe('');
  return result.out.trim().split('\n').map((line) => JSON.parse(line) as QueryEvent);
}

describe('pitch', () => {
  it('names keys as Strudel does (c4 = 60)', () => {
    expect(noteNameToKey('c4')).toBe(60);
    expect(noteNameToKey('C#3')).toBe(49);
    expect(noteNameToKey('eb2')).toBe(39);
    expect(noteNameToKey('fs5')).toBe(78);
    expect(noteNameToKey('a')).toBe(57);
    expect(noteNameToKey('h4')).toBeNull();
    for (let key = 0; key < 128; key++) expect(noteNameToKey(keyToNoteName(key))).toBe(key);
  });
  it('takes note, n or freq for pitch, drum names for GM keys, and velocity × gain', () => {
    expect(midiVoice({ note: 'a4', gain: 0.5 })).toEqual({ channel: null, key: 69, velocity: 57 });
    expect(midiVoice({ n: 64, s: 'sawtooth', velocity: 1 })).toEqual({ channel: null, key: 64, velocity: 127 });
    expect(midiVoice({ freq: 440 })?.key).toBe(69);
    expect(midiVoice({ s: 'sd' })).toEqual({ channel: 9, key: 38, velocity: 114 });
    expect(midiVoice({ s: 'bd', n: 1 })?.key).toBe(36);
    expect(midiVoice({ note: 60, midichan: 3 })?.channel).toBe(2);
    expect(midiVoice({ s: 'mystery' })).toBeNull();
  });
});

describe('motif export', () => {
  const code = 'setcps(0.6)\nlead: note("c4 [e4 g4] ~ b3").gain("1 0.5")\ndrums: s("bd*2, [~ sd], hh*4")';

  it('writes notes an independent reader finds at the times motif query gives', async () => {
    const out = join(dir, 'song.mid');
    const result = await run('export', '-e', code, '--cycles', '2', '-o', out);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/wrote .*song\.mid: 22 notes on 2 tracks, 144 BPM/);

    const midi = new Midi(readFileSync(out));
    expect(midi.header.ppq).toBe(480);
    expect(midi.header.tempos[0]!.bpm).toBeCloseTo(144, 3); // cps 0.6 × 240
    expect(midi.header.timeSignatures[0]!.timeSignature).toEqual([4, 4]);
    const lead = midi.tracks.find((track) => track.name === 'lead')!;
    const drums = midi.tracks.find((track) => track.name === 'drums drums')!;
    expect(drums.channel).toBe(9);
    expect(lead.channel).not.toBe(9);

    const events = await query(code, '0:2');
    const expectLayer = (track: { notes: ToneNote[] }, want: QueryEvent[], key: (value: Record<string, unknown>) => number) => {
      const got = [...track.notes].sort((a, b) => a.ticks - b.ticks || a.midi - b.midi);
      const expected = want
        .map((event) => ({ midi: key(event.value), ticks: Math.round(event.begin * 1920), durationTicks: Math.round((event.end - event.begin) * 1920), seconds: event.begin / 0.6 }))
        .sort((a, b) => a.ticks - b.ticks || a.midi - b.midi);
      expect(got.map((note) => ({ midi: note.midi, ticks: note.ticks, durationTicks: note.durationTicks }))).toEqual(
        expected.map(({ midi: m, ticks, durationTicks }) => ({ midi: m, ticks, durationTicks })),
      );
      got.forEach((note, i) => expect(note.time).toBeCloseTo(expected[i]!.seconds, 4));
    };
    expectLayer(lead, events.filter((event) => 'note' in event.value), (value) => noteNameToKey(String(value.note))!);
    const gm: Record<string, number> = { bd: 36, sd: 38, hh: 42 };
    expectLayer(drums, events.filter((event) => 's' in event.value), (value) => gm[String(value.s)]!);
    expect(lead.notes.map((note) => Math.round(note.velocity * 127)).slice(0, 4)).toEqual([114, 114, 114, 57]);
  });

  it('takes the tempo from --cps and the metre from --beats', async () => {
    const out = join(dir, 'waltz.mid');
    expect((await run('export', '-e', 'note("c4 e4 g4")', '--cps', '0.25', '--beats', '3', '--cycles', '1', '-o', out)).code).toBe(0);
    const midi = new Midi(readFileSync(out));
    expect(midi.header.tempos[0]!.bpm).toBeCloseTo(45, 3);
    expect(midi.header.timeSignatures[0]!.timeSignature).toEqual([3, 4]);
    expect(midi.tracks.find((track) => track.notes.length)!.notes.map((note) => note.ticks)).toEqual([0, 480, 960]);
  });

  it('refuses events with no pitch', async () => {
    const result = await run('export', '-e', 's("mystery*4")', '-o', join(dir, 'x.mid'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/none of the 4 events has a pitch/);
  });
});

describe('motif import', () => {
  it('round-trips: export → import → query gives the same events', async () => {
    const code = 'setcps(0.5)\nnote("<[c4 [e4 g4] ~ b3@3 ~ ~] [a3 ~ c4 [~ d4 e4 ~]]>").velocity("<[1 0.5] 0.25>")';
    const out = join(dir, 'round.mid');
    expect((await run('export', '-e', code, '--cycles', '4', '-o', out)).code).toBe(0);
    const imported = await run('import', out);
    expect(imported.code).toBe(0);
    const file = join(dir, 'round.js');
    writeFileSync(file, imported.out);
    const back = await run('query', file, '--cycles', '0:4', '--json');
    expect(back.err).toBe('');
    const simplify = (events: QueryEvent[]) =>
      events.map((event) => ({ begin: event.begin, end: event.end, key: noteNameToKey(String(event.value.note)), velocity: Math.round(Number(event.value.velocity ?? 0.9) * 127) }));
    const original = simplify(await query(code, '0:4'));
    const roundTripped = simplify(back.out.trim().split('\n').map((line) => JSON.parse(line) as QueryEvent));
    expect(roundTripped.map(({ velocity: _, ...rest }) => rest)).toEqual(original.map(({ velocity: _, ...rest }) => rest));
    roundTripped.forEach((event, i) => expect(Math.abs(event.velocity - original[i]!.velocity)).toBeLessThanOrEqual(1));
    expect(imported.out).toContain('setcps(0.5)');
  });

  it('writes hostile track and file names as escaped text: a name cannot end the comment and run code', async () => {
    const names = ['lead\nglobalThis.pwned = 1; note("c2*16")', 'x\u2028globalThis.pwned = 2', 'x\r\nglobalThis.pwned = 3', '*/ globalThis.pwned = 4 /*', '`${globalThis.pwned = 5}`'];
    for (const [i, name] of names.entries()) {
      const bytes = encodeSmf({ ticksPerBeat: 96, bpm: 120, timeSignature: { numerator: 4, denominator: 4 }, tracks: [{ name, notes: [{ startTick: 0, endTick: 96, key: 60, velocity: 100, channel: 0 }] }] });
      const file = join(dir, `hostile-${i}\nglobalThis.pwned = 6.mid`);
      writeFileSync(file, bytes);
      const imported = await run('import', file);
      expect(imported.code).toBe(0);
      expect(imported.out.split(/\r\n|\r|\n|\u2028|\u2029/)[0]).toMatch(/^\/\/ ".*", track \d+ ".*"$/);
      const script = join(dir, `hostile-${i}.js`);
      writeFileSync(script, imported.out);
      delete (globalThis as { pwned?: unknown }).pwned;
      const back = await run('query', script, '--json');
      expect(back.err).toBe('');
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      expect(back.out.trim().split('\n').map((line) => (JSON.parse(line) as QueryEvent).value.note)).toEqual(['c4']);
    }
  });

  it('says a truncated file is truncated, reads a tempo of 0 as 120 BPM, and refuses a note far out at once', async () => {
    const song = (notes: { startTick: number; endTick: number }[], bpm = 120) =>
      encodeSmf({
        ticksPerBeat: 96,
        bpm,
        timeSignature: { numerator: 4, denominator: 4 },
        tracks: [
          { name: 'lead', notes: notes.map((n, i) => ({ ...n, key: 60 + i, velocity: 100, channel: 0 })) },
          { name: 'bass', notes: [{ startTick: 0, endTick: 384, key: 36, velocity: 100, channel: 1 }] },
        ],
      });
    const whole = song(Array.from({ length: 10 }, (_, i) => ({ startTick: i * 96, endTick: i * 96 + 48 })));
    const cut = join(dir, 'cut.mid');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = await run('import', cut);
    expect(truncated.err).toMatch(/^warning: .*cut\.mid: the file is truncated: track \d of 3 should have \d+ bytes, \d+ are there$/m);

    const zero = song([{ startTick: 0, endTick: 96 }]);
    const tempo = zero.indexOf(0x51); // FF 51 03 tt tt tt: set the tempo to 0 µs per beat
    zero.set([0, 0, 0], tempo + 2);
    writeFileSync(join(dir, 'zero.mid'), zero);
    const zeroed = await run('import', join(dir, 'zero.mid'));
    expect(zeroed.code).toBe(0);
    expect(zeroed.err).toMatch(/a tempo of 0 µs per beat is outside 1–1000 BPM: read as 120 BPM/);
    expect(zeroed.out).toContain('setcps(0.5)');

    writeFileSync(join(dir, 'far.mid'), song([{ startTick: 2 ** 28, endTick: 2 ** 28 + 96 }]));
    const started = Date.now();
    const far = await run('import', join(dir, 'far.mid'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(far.code).not.toBe(0);
    expect(far.err).toMatch(/a note at tick 268435456 lies in bar 699051: an import writes at most 4096 bars/);
  });

  it('round-trips drums as kit names', async () => {
    const code = 's("bd [~ bd] sd ~, hh*8")';
    const out = join(dir, 'drums.mid');
    expect((await run('export', '-e', code, '--cycles', '1', '-o', out)).code).toBe(0);
    const imported = await run('import', out);
    expect(imported.out).toMatch(/s\(`/);
    const file = join(dir, 'drums.js');
    writeFileSync(file, imported.out);
    const key = (event: QueryEvent) => `${event.begin}:${event.end}:${String(event.value.s)}`;
    const back = (await run('query', file, '--json')).out.trim().split('\n').map((line) => key(JSON.parse(line) as QueryEvent));
    expect(back.sort()).toEqual((await query(code, '0:1')).map(key).sort());
  });

  it('reads a bar of the file’s metre as one cycle on a 16th grid, chords as stacked voices', () => {
    const song = decodeSmf(
      encodeSmf({
        ticksPerBeat: 96,
        bpm: 90,
        timeSignature: { numerator: 3, denominator: 4 },
        tracks: [
          {
            name: 'piano',
            notes: [
              { startTick: 0, endTick: 96, key: 60, velocity: 114, channel: 0 },
              { startTick: 0, endTick: 96, key: 64, velocity: 114, channel: 0 },
              { startTick: 96, endTick: 120, key: 67, velocity: 114, channel: 0 },
              { startTick: 290, endTick: 384, key: 72, velocity: 114, channel: 0 }, // slightly early: snaps to bar 2
            ],
          },
        ],
      }),
    );
    const result = trackToCode(song, song.tracks[1]!.notes); // tracks[0] holds tempo and metre
    expect(result.bars).toBe(2);
    expect(result.code).toContain('setcps(0.5)'); // 90 quarter notes a minute in 3/4 = 30 bars a minute
    expect(result.code).toContain('[c4@4 g4 ~@7]');
    expect(result.code).toContain('[e4 ~@2]');
    expect(result.code).toContain('[c5 ~@2]');
    expect(result.code).toMatch(/^stack\(/m);
  });

  it('takes another grid with --grid, e.g. triplets', async () => {
    const out = join(dir, 'triplets.mid');
    await run('export', '-e', 'note("c3 e3 g3")', '-o', out);
    expect((await run('import', out)).out).toContain('note(`c3@5 e3@5 ~ g3@5`)'); // forced onto 16ths
    const triplets = await run('import', out, '--grid', '12');
    expect(triplets.out).toContain('note(`c3 e3 g3`)');
    expect(triplets.out).toContain('grid of 12 steps per whole note');
  });

  it('chooses a track with --track and lists the tracks with notes otherwise', async () => {
    const out = join(dir, 'two.mid');
    await run('export', '-e', '$: note("c4")\n$: s("bd")', '-o', out);
    expect((await run('import', out, '--track', '3')).out).toMatch(/s\(`bd`\)/);
    const wrong = await run('import', out, '--track', '9');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/no notes on track 9; tracks with notes: 2 "\$0", 3 "\$1 drums"/);
  });

  it('imports one channel of a track that mixes channels (format 0), with --channel', async () => {
    const bytes = encodeSmf({
      ticksPerBeat: 480,
      bpm: 120,
      timeSignature: { numerator: 4, denominator: 4 },
      tracks: [
        {
          name: 'everything',
          notes: [
            { startTick: 0, endTick: 480, key: 60, velocity: 114, channel: 0 },
            { startTick: 0, endTick: 120, key: 36, velocity: 114, channel: 9 },
            { startTick: 960, endTick: 1080, key: 38, velocity: 114, channel: 9 },
          ],
        },
      ],
    });
    const file = join(dir, 'mixed.mid');
    writeFileSync(file, bytes);
    const first = await run('import', file);
    expect(first.out).toContain('note(`c4 ~@3`)');
    expect(first.err).toMatch(/also has channels 10 \(--channel\)/);
    const drums = await run('import', file, '--channel', '10');
    expect(drums.out).toContain('s(`bd ~@15`)');
    expect(drums.out).toContain('s(`~@8 sd ~@7`)');
  });

  it('says clearly when the file is not MIDI', async () => {
    const bad = join(dir, 'bad.mid');
    writeFileSync(bad, 'hello');
    const result = await run('import', bad);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^motif import: .*bad\.mid: not a Standard MIDI File/);
  });
});

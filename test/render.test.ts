/**
 * `motif render`: WAVs checked by independent tools (sox reads them, aubio finds the onsets),
 * determinism (same file → same samples), and the user errors of the render path.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { decodeWav, encodeWav } from '../src/render/wav.ts';
import { planRender } from '../src/render/schedule.ts';
import { drumsUsed } from '../src/render/drums.ts';
import { overlapsScheduling, renderQuantumFor } from '../src/render/quantum.ts';
import { launchRenderer } from '../src/render/browser.ts';
import { renderPlan } from '../src/render/render.ts';

const dir = mkdtempSync(join(tmpdir(), 'motif-render-'));

async function run(...argv: string[]) {
  const io = memoryIO(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

async function query(code: string, cycles: string): Promise<{ begin: number }[]> {
  const result = await run('query', '-e', code, '--cycles', cycles, '--json');
  expect(result.code).toBe(0);
  return result.out.trim().split('\n').map((line) => JSON.parse(line) as { begin: number });
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('wav', () => {
  it('encodes and decodes 16-bit stereo PCM', () => {
    const pcm = Int16Array.from([0, 32767, -32768, 1000, -1, 5]);
    const wav = decodeWav(encodeWav(pcm, 2, 44_100));
    expect(wav).toMatchObject({ channels: 2, sampleRate: 44_100 });
    expect([...wav.data[0]!].map((x) => Math.round(x * 32768))).toEqual([0, -32768, -1]);
    expect([...wav.data[1]!].map((x) => Math.round(x * 32768))).toEqual([32767, 1000, 5]);
  });
});

describe('drumsUsed', () => {
  it('lists the drums and variations the events play, as superdough resolves names and n', () => {
    const values = [
      { s: 'bd' },
      { s: 'BD', n: 4 }, // bd has 3 variations: 4 wraps to 1
      { s: 'hh', n: 'x' }, // not a number: 0
      { s: 'cp', n: -1 }, // 2 variations: -1 wraps to 1
      { s: 'cp', n: 0.6 }, // rounds to 1
      { s: 'sd', bank: 'tr909' }, // a bank renders lack: the kit's sd plays
      { s: 'sawtooth', note: 'c3' },
      { note: 'c3' },
    ];
    expect(drumsUsed(values)).toEqual({ bd: [0, 1], sd: [0], hh: [0], cp: [1] });
    expect(drumsUsed([{ s: 'sine' }])).toEqual({});
  });
});

describe('renderQuantumFor', () => {
  it('takes the large quantum only when every note keeps to native nodes with fixed parameters', () => {
    expect(renderQuantumFor([{ s: 'sawtooth', note: 'c2', cutoff: 600, gain: 0.5 }, { s: 'bd', n: 1 }, { note: 'c4' }])).toBe(1024);
    expect(renderQuantumFor([{ s: 'sine', note: 'c4' }, { s: 'sine', note: 'c4', shape: 0.3 }])).toBe(128); // a worklet
    expect(renderQuantumFor([{ s: 'supersaw', note: 'c4' }])).toBe(128); // a worklet
    expect(renderQuantumFor([{ s: 'sine', delay: 0.5 }])).toBe(128); // a feedback loop
    expect(renderQuantumFor([{ s: 'casio' }])).toBe(128); // not the kit: a sample loaded by the user
    expect(renderQuantumFor([{ s: 'bd', bank: 'RolandTR909' }])).toBe(1024); // plays the kit's bd
    expect(renderQuantumFor([{ s: 'hh', speed: 1.5, begin: 0.1, end: 0.5, clip: 0.5, cut: 1 }])).toBe(1024);
    expect(renderQuantumFor([{ s: 'sawtooth', cutoff: 400, lpenv: 4, lpattack: 0.1, ftype: '24db' }])).toBe(1024);
    expect(renderQuantumFor([{ s: 'sawtooth', cutoff: 400, ftype: 'ladder' }])).toBe(128); // a worklet filter
    expect(renderQuantumFor([{ s: 'sawtooth', cutoff: 400, ftype: 1 }])).toBe(128); // 1 is the ladder
    expect(renderQuantumFor([{ s: 'sine', note: 'c4', vowel: 'a' }])).toBe(128); // differs audibly at 1024
  });

  it('overlaps scheduling with rendering only for the large quantum, with one reverb size per orbit (superdough sets its impulse asynchronously)', () => {
    expect(overlapsScheduling([{ s: 'sawtooth', note: 'c2', cutoff: 600 }, { s: 'hh' }])).toBe(true);
    expect(overlapsScheduling([{ s: 'sawtooth', note: 'c2' }, { s: 'sine', room: 0.3 }, { s: 'sine', room: 0.5 }])).toBe(true);
    expect(overlapsScheduling([{ s: 'sine', room: 0.3 }, { s: 'sine', room: 0.3, roomsize: 4 }])).toBe(false);
    expect(overlapsScheduling([{ s: 'sine', room: 0.3, roomsize: 2 }, { s: 'sine', room: 0.3, roomsize: 4, orbit: 2 }])).toBe(true);
    expect(overlapsScheduling([{ s: 'supersaw', note: 'c2' }])).toBe(false);
    expect(overlapsScheduling([{ s: 'hh', cut: 1 }])).toBe(false); // fades the voice before it out
  });
});

describe('planRender', () => {
  it('puts events on the audio clock from the start of the span', () => {
    const plan = planRender(
      [
        { begin: 2.5, end: 3, value: { s: 'sine' } },
        { begin: 2, end: 2.25, value: 'c3' },
        { begin: 4, end: 5, value: { s: 'sine' } },
      ],
      { begin: 2, end: 4 },
      0.5,
    );
    expect(plan.seconds).toBe(4);
    expect(plan.notes).toEqual([
      { time: 0, duration: 0.5, value: { note: 'c3' }, cycle: 2 },
      { time: 1, duration: 1, value: { s: 'sine' }, cycle: 2.5 },
    ]);
  });
});

describe('motif render', () => {
  const melody = 'note("c4 [e4 g4] ~ c5 a3 ~ [f4 ~ d4 ~] b3").s("square").lpf(3000)';

  it('writes a stereo WAV that sox accepts, with one onset per event within 5 ms', async () => {
    const wav = join(dir, 'melody.wav');
    const result = await run('render', '-e', melody, '--cycles', '2', '--cps', '0.5', '-o', wav);
    expect(result.err).toContain('wrote');
    expect(result.code).toBe(0);

    const info = execFileSync('sox', ['--i', wav], { encoding: 'utf8' });
    expect(info).toMatch(/Channels\s*: 2/);
    expect(info).toMatch(/Sample Rate\s*: 48000/);
    const stat = spawnSync('sox', [wav, '-n', 'stat'], { encoding: 'utf8' }); // sox prints stat on stderr
    expect(stat.status).toBe(0);
    expect(stat.stderr).toMatch(/Length \(seconds\):\s+5\.0/); // 2 cycles at 0.5 cps + 1 s tail
    const maximum = Number(/Maximum amplitude:\s+([\d.]+)/.exec(stat.stderr)![1]);
    expect(maximum).toBeGreaterThan(0.05);
    expect(maximum).toBeLessThanOrEqual(1);

    const expected = (await query(melody, '0:2')).map((event) => event.begin / 0.5);
    const onsets = execFileSync('aubioonset', ['-H', '64', '-i', wav], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    expect(onsets).toHaveLength(expected.length);
    const errorsMs = onsets.map((onset, i) => Math.abs(onset - expected[i]!) * 1000);
    console.log(`onset error: max ${Math.max(...errorsMs).toFixed(2)} ms, mean ${(errorsMs.reduce((a, b) => a + b, 0) / errorsMs.length).toFixed(2)} ms over ${onsets.length} onsets`);
    for (const error of errorsMs) expect(error).toBeLessThan(5);
  }, 60_000);

  it('puts each onset on its sample: an energy detector finds staccato notes within 1 ms', async () => {
    const staccato = 'note("c4 ~ e4 [g4 ~ c5 ~] ~ a3 ~ ~").s("square").decay(0.04).sustain(0).release(0.01)';
    const wav = join(dir, 'staccato.wav');
    expect((await run('render', '-e', staccato, '--cycles', '2', '-o', wav)).code).toBe(0);
    const expected = (await query(staccato, '0:2')).map((event) => event.begin / 0.5);
    const left = decodeWav(readFileSync(wav)).data[0]!;
    // An onset: the first sample above -40 dBFS after at least 20 ms below it.
    const onsets: number[] = [];
    let quiet = Number.POSITIVE_INFINITY;
    for (let i = 0; i < left.length; i++) {
      if (Math.abs(left[i]!) > 0.01) {
        if (quiet >= 0.02 * 48_000) onsets.push(i / 48_000);
        quiet = 0;
      } else quiet++;
    }
    expect(onsets).toHaveLength(expected.length);
    const errorsMs = onsets.map((onset, i) => Math.abs(onset - expected[i]!) * 1000);
    console.log(`energy onsets: max error ${Math.max(...errorsMs).toFixed(3)} ms over ${onsets.length}`);
    for (const error of errorsMs) expect(error).toBeLessThan(1);
  }, 60_000);

  it('plays the drum kit: one onset per distinct event time, within 5 ms', async () => {
    const drums = 's("bd hh sd rim, ~ ~ ~ ~ ~ ~ ~ cp, ~ lt mt ~ ~ ht")';
    const wav = join(dir, 'drums.wav');
    expect((await run('render', '-e', drums, '--cycles', '2', '-o', wav)).code).toBe(0);
    const times = [...new Set((await query(drums, '0:2')).map((event) => event.begin / 0.5))].sort((a, b) => a - b);
    const onsets = execFileSync('aubioonset', ['-H', '64', '-i', wav], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(onsets).toHaveLength(times.length);
    const errorsMs = onsets.map((onset, i) => Math.abs(onset - times[i]!) * 1000);
    console.log(`drum onset error: max ${Math.max(...errorsMs).toFixed(2)} ms over ${onsets.length} onsets`);
    for (const error of errorsMs) expect(error).toBeLessThan(5);
  }, 60_000);

  it('plays the variation n selects when only the used drums are synthesized', async () => {
    // hh has 3 variations: n=4 plays variation 1. Variations no event uses are silent placeholders,
    // so a wrong selection renders silence, which the command refuses.
    const paths = ['hh4.wav', 'hh1.wav', 'hh0.wav'].map((name) => join(dir, name));
    for (const [code, path] of [['s("hh:4")', paths[0]], ['s("hh:1")', paths[1]], ['s("hh:0")', paths[2]]] as const) {
      expect((await run('render', '-e', code, '--cycles', '1', '-o', path!)).code, code).toBe(0);
    }
    const [four, one, zero] = paths.map((path) => decodeWav(readFileSync(path!)).data[0]!);
    expect(four).toEqual(one);
    expect(four).not.toEqual(zero);
  }, 60_000);

  it('gives the same samples for the same file, and the seed reaches noise, reverb and worklets', async () => {
    // Randomness in three places: a noise source, a reverb impulse, supersaw phases (in an AudioWorklet).
    const files = {
      'noise.js': 's("white*4").decay(0.1).sustain(0).gain(0.3).room(0.4)\n',
      'supersaw.js': 'note("c3 g3 [e3 b3] c4").s("supersaw").shape(0.3).gain(0.3)\n',
    };
    for (const [name, code] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, code);
      const paths = ['a', 'b', 'seeded'].map((run) => join(dir, `${name}.${run}.wav`));
      const mode: string[] = [];
      expect((await run('render', file, '--cycles', '1', ...mode, '-o', paths[0]!)).code).toBe(0);
      expect((await run('render', file, '--cycles', '1', ...mode, '-o', paths[1]!)).code).toBe(0);
      expect((await run('render', file, '--cycles', '1', ...mode, '--seed', '7', '-o', paths[2]!)).code).toBe(0);
      expect(sha(paths[0]!), name).toBe(sha(paths[1]!));
      expect(sha(paths[2]!), name).not.toBe(sha(paths[0]!));
    }
  }, 120_000);

  it('renders a dense 16-voice mix the same again, to within 1 LSB (Chromium sums voices in an order it does not fix)', async () => {
    const piece = join(import.meta.dirname, '..', 'examples', 'sixteen-voices.js');
    const paths = ['d1.wav', 'd2.wav'].map((name) => join(dir, name));
    for (const path of paths) expect((await run('render', piece, '--cycles', '2', '-o', path)).code).toBe(0);
    const [a, b] = paths.map((path) => decodeWav(readFileSync(path)));
    let differing = 0;
    let largest = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < a!.data[c]!.length; i++) {
        const lsb = Math.round(Math.abs(a!.data[c]![i]! - b!.data[c]![i]!) * 32768);
        if (lsb) differing++;
        largest = Math.max(largest, lsb);
      }
    }
    console.log(`dense mix, two renders: ${differing} of ${a!.data[0]!.length * 2} samples differ, by at most ${largest} LSB`);
    expect(largest).toBeLessThanOrEqual(1);
    expect(differing).toBeLessThan(a!.data[0]!.length * 2 * 0.001);
  }, 90_000);

  /** Largest difference in LSB between `code` rendered at the large quantum and at the standard one. */
  async function quantumDifference(name: string, code: string): Promise<number> {
    // .delay(0) adds no node, but `delay` is not on the large quantum's list of controls.
    const files = { large: code, standard: code.replace(/^(\$: .*)$/gm, '$1.delay(0)') };
    expect(files.standard).toContain('.delay(0)');
    const decoded = [];
    for (const [variant, source] of Object.entries(files)) {
      const file = join(dir, `quantum-${name}-${variant}.js`);
      writeFileSync(file, source);
      const values = (await run('query', file, '--cycles', '0:2', '--json')).out.trim().split('\n').map((line) => (JSON.parse(line) as { value: Record<string, unknown> }).value);
      expect(renderQuantumFor(values), variant).toBe(variant === 'large' ? 1024 : 128);
      expect((await run('render', file, '--cycles', '2', '-o', `${file}.wav`)).code).toBe(0);
      decoded.push(decodeWav(readFileSync(`${file}.wav`)));
    }
    const [large, standard] = decoded;
    let largest = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < large!.data[c]!.length; i++) largest = Math.max(largest, Math.abs(large!.data[c]![i]! - standard!.data[c]![i]!));
    }
    return Math.round(largest * 32768);
  }

  it('renders fixed-value voices the same at the large render quantum as at the standard one, to within 1 LSB', async () => {
    // With reverb on two voices: the large quantum then also schedules while rendering (quantum.ts).
    const piece = readFileSync(join(import.meta.dirname, '..', 'examples', 'sixteen-voices.js'), 'utf8').replace(/\.s\("sine"\)\.gain\(0\.2\)$/gm, '.s("sine").gain(0.2).room(0.3)');
    expect(piece).toContain('.room(0.3)');
    expect(await quantumDifference('fixed', piece)).toBeLessThanOrEqual(1);
  }, 90_000);

  it('renders envelopes, clipped notes and drum samples at the large quantum to within 24 LSB (-63 dBFS) of the standard one', async () => {
    // Chromium steps its ramps across the larger blocks: envelopes move by a few LSB.
    const piece = [
      'setcps(0.5)',
      '$: note("c3 eb3 g3 bb3").s("sawtooth").lpf(400).lpenv(3).lpattack(0.05).lpdecay(0.2).ftype("24db").clip(0.8)',
      '$: note("g4 f4 eb4 d4").s("square").bpf(1200).bpenv(2).hpf(200).hpenv(1).attack(0.02).release(0.2).pan(0.3).gain(0.4)',
      '$: note("c5 g4").s("triangle").noise(0.2).room(0.3).dry(0.8)',
      '$: s("bd*2 [sd cp] ~ oh").speed("1 1.2").begin(0.02).end(0.9)',
      '$: s("hh*8").cut(1).gain(0.5)',
    ].join('\n');
    expect(await quantumDifference('envelopes', piece)).toBeLessThanOrEqual(24);
  }, 90_000);

  it('renders a melody the same five times over at the large quantum (no node reuse between notes)', async () => {
    // superdough's node pool made 1 render in 3 of this melody differ, with a note changed or lost.
    const melody = 'note("c4 [e4 g4] ~ c5 a3 ~ [f4 ~ d4 ~] b3").s("square").lpf(3000)';
    const events = await query(melody, '0:2');
    expect(renderQuantumFor(events.map(() => ({ s: 'square', note: 'c4', cutoff: 3000 })))).toBe(1024);
    const full = (await run('query', '-e', melody, '--cycles', '0:2', '--json')).out.trim().split('\n').map((line) => JSON.parse(line) as { begin: number; end: number; value: Record<string, unknown> });
    const plan = planRender(full, { begin: 0, end: 2 }, 0.5);
    const renderer = await launchRenderer();
    try {
      const hashes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const audio = await renderPlan(plan, { renderer });
        hashes.push(createHash('sha256').update(new Uint8Array(audio.pcm.buffer, audio.pcm.byteOffset, audio.pcm.byteLength)).digest('hex'));
      }
      expect(new Set(hashes).size).toBe(1);
    } finally {
      await renderer.close();
    }
  }, 90_000);

  it("plays a strudel.cc drum bank from Motif's kit, with one warning naming the bank", async () => {
    const code = 's("bd*4, hh*8").bank("RolandTR909")';
    const wav = join(dir, 'bank.wav');
    const result = await run('render', '-e', code, '--cycles', '1', '-o', wav);
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"RolandTR909"');
    const plain = join(dir, 'plain.wav');
    expect((await run('render', '-e', 's("bd*4, hh*8")', '--cycles', '1', '-o', plain)).code).toBe(0);
    expect(sha(wav)).toBe(sha(plain)); // the same drums
  }, 60_000);

  it('leaves out events marked with .midi(), as strudel.cc plays them to MIDI, not the speakers', async () => {
    const mixed = join(dir, 'mixed.wav');
    const result = await run('render', '-e', '$: note("c3 e3").midi()\n$: s("bd*2")', '--cycles', '1', '-o', mixed);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^warning: 2 events marked with \.midi\(\)/m);
    expect(result.err).toContain('2 events, 48000 Hz');
    const midiOnly = join(dir, 'midi-only.wav');
    const refused = await run('render', '-e', 'note("c3 e3").midi()', '--cycles', '1', '-o', midiOnly);
    expect(refused.code).not.toBe(0);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(midiOnly)).toBe(false);
  }, 60_000);

  it('refuses a render in which no sound plays, and writes nothing', async () => {
    const wav = join(dir, 'silent.wav');
    const result = await run('render', '-e', 's("nosuchsound*2")', '--cycles', '1', '-o', wav);
    expect(result.code).not.toBe(0);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/silent.*nosuchsound/);
    expect(result.err).toMatch(/^motif render: /);
    expect(existsSync(wav)).toBe(false);
  }, 60_000);

  it('says why a render is silent when a control is NaN, naming the call; other sounds still play', async () => {
    const wav = join(dir, 'nan.wav');
    const refused = await run('render', '-e', 'note("c4 e4")\n  .gain(NaN)', '--cycles', '1', '-o', wav);
    expect(refused.code).not.toBe(0);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/^motif render: the render is silent: -e:2:4: gain is NaN: events with it are silent .* \(2 of 2 events\); nothing written$/m);
    expect(existsSync(wav)).toBe(false);
    const mixed = await run('render', '-e', 'stack(note("c4 e4").gain(1/0), s("bd"))', '--cycles', '1', '-o', wav);
    expect(mixed.code).toBe(0);
    expect(mixed.err).toMatch(/^warning: -e:1:21: gain is Infinity: .* \(2 of 3 events\)$/m);
    expect(existsSync(wav)).toBe(true);
  }, 60_000);

  it('says in one line when Chromium is missing', async () => {
    const saved = process.env.MOTIF_CHROMIUM;
    process.env.MOTIF_CHROMIUM = join(dir, 'no-chromium-here');
    try {
      const result = await run('render', '-e', 'note("c4")', '-o', join(dir, 'never.wav'));
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^motif render: Chromium not found at .*no-chromium-here: install it with apt-get install -y chromium \(or set MOTIF_CHROMIUM\)\n$/);
      expect(existsSync(join(dir, 'never.wav'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.MOTIF_CHROMIUM;
      else process.env.MOTIF_CHROMIUM = saved;
    }
  });

  it('needs -o', async () => {
    const result = await run('render', '-e', 'note("c4")', '--cycles', '1');
    expect(result.code).toBe(2);
    expect(result.err).toBe('motif render: missing -o out.wav\n');
  });
});

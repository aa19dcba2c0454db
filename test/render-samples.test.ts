/**
 * `samples(…)` in code run by the CLI: queries ignore it, `motif render` loads the maps in its page
 * from a host on 127.0.0.1 (standing in for a sample host), and a map that fails to load gives one
 * warning naming it while the rest renders.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { decodeWav } from '../src/render/wav.ts';
import { serveSampleHost, type SampleHost } from './sample-host.ts';

const dir = mkdtempSync(join(tmpdir(), 'motif-render-samples-'));
let host: SampleHost;
let base = '';

async function run(...argv: string[]) {
  const io = memoryIO(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  host = await serveSampleHost(0.4);
  base = host.base;
});

afterAll(() => host.close());

/** Frequency from zero crossings of the left channel between two times (seconds). */
function frequency(data: Float32Array, from: number, to: number, rate = 48_000): number {
  let crossings = 0;
  for (let i = Math.round(from * rate) + 1; i < Math.round(to * rate); i++) if (data[i - 1]! < 0 !== data[i]! < 0) crossings++;
  return crossings / 2 / (to - from);
}

describe('samples(…) in the CLI', () => {
  it('is accepted by query, which prints the events', async () => {
    const result = await run('query', '-e', `samples('${base}strudel.json')\ns("beep ~")`, '--cycles', '0:1', '--json');
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n').map((line) => JSON.parse(line) as { value: unknown })).toEqual([{ begin: 0, end: 0.5, value: { s: 'beep' } }]);
  });

  it('loads the map in the render: the sample is heard at its events', async () => {
    const wav = join(dir, 'beep.wav');
    const result = await run('render', '-e', `samples('${base}strudel.json')\ns("beep ~")`, '--cycles', '2', '--cps', '0.5', '-o', wav);
    expect(result.err).not.toContain('warning');
    expect(result.code).toBe(0);
    const left = decodeWav(readFileSync(wav)).data[0]!;
    for (const onset of [0, 2]) expect(Math.abs(frequency(left, onset + 0.05, onset + 0.35) - 1000)).toBeLessThan(20);
    expect(Math.max(...left.subarray(Math.round(1.2 * 48_000), Math.round(1.8 * 48_000)).map(Math.abs))).toBeLessThan(0.001); // the rest
  }, 60_000);

  it('takes a map of names to files with a base URL', async () => {
    const wav = join(dir, 'named.wav');
    const result = await run('render', '-e', `samples({ ping: ['beep.wav'] }, '${base}')\ns("ping")`, '--cycles', '1', '--cps', '0.5', '-o', wav);
    expect(result.code).toBe(0);
    expect(Math.abs(frequency(decodeWav(readFileSync(wav)).data[0]!, 0.05, 0.35) - 1000)).toBeLessThan(20);
  }, 60_000);

  it('warns once, naming a map that fails to load, and renders the rest', async () => {
    const wav = join(dir, 'missing.wav');
    const result = await run('render', '-e', `samples('${base}missing.json')\ns("bd*4")`, '--cycles', '1', '-o', wav);
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('missing.json');
  }, 60_000);
});

/**
 * `motif` in-process through `main` (fast), and the real bin/motif.js spawned twice to prove the
 * wiring: the output a user sees, the exit codes, and one clear line for every user error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.ts';
import { findAudioOutput, type MachineProbe } from '../src/cli/audio-output.ts';
import { playCommand } from '../src/cli/commands/play.ts';
import { memoryIO } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { parseCycles } from '../src/cli/span.ts';

const dir = mkdtempSync(join(tmpdir(), 'motif-cli-'));
const root = join(import.meta.dirname, '..');

async function run(...argv: string[]) {
  const io = memoryIO(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** A user error: non-zero exit, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUserError(result: { code: number; out: string; err: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.out).toBe('');
  expect(result.err.endsWith('\n')).toBe(true);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.err).toMatch(pattern);
}

describe('the pattern library', () => {
  it('lets CLI code import from patterns/, as the editor does', async () => {
    const library = await run('query', '-e', 'import { groove } from "patterns/grooves"\n$: groove', '--cycles', '0:1', '--json');
    expect(library.err).toBe('');
    expect(library.code).toBe(0);
    const sounds = library.out.trim().split('\n').map((line) => (JSON.parse(line) as { value: { s?: string } }).value.s);
    expect(sounds).toContain('bd');
    const missing = await run('query', '-e', 'import { nope } from "patterns/nope"\n$: nope', '--cycles', '0:1');
    expectUserError(missing, /patterns\/nope/);
  });
});

describe('parseCycles', () => {
  it('reads N, A:B and fractions', () => {
    expect(parseCycles('q', '4')).toEqual({ begin: 0, end: 4 });
    expect(parseCycles('q', '2:6')).toEqual({ begin: 2, end: 6 });
    expect(parseCycles('q', '1/2:3/2')).toEqual({ begin: 0.5, end: 1.5 });
  });
  it('rejects empty or reversed spans and junk', () => {
    for (const bad of ['0', '3:1', 'a', '1:2:3', '']) expect(() => parseCycles('q', bad)).toThrow(/--cycles expects/);
  });
});

describe('parseArgs', () => {
  const specs = { cycles: { value: true, alias: 'c' }, json: { value: false } };
  it('takes --name value, --name=value, aliases and flags', () => {
    expect(parseArgs('q', ['f.js', '--cycles', '2', '--json'], specs)).toEqual({ positionals: ['f.js'], options: { cycles: '2', json: true } });
    expect(parseArgs('q', ['--cycles=1:3', '-c', '4'], specs).options.cycles).toBe('4');
  });
  it('names the unknown option', () => {
    expect(() => parseArgs('q', ['--jsn'], specs)).toThrow('motif q: unknown option --jsn');
    expect(() => parseArgs('q', ['-x'], specs)).toThrow('motif q: unknown option -x');
    expect(() => parseArgs('q', ['--cycles'], specs)).toThrow('--cycles needs a value');
  });
});

describe('motif query', () => {
  it('prints the events whose onset lies in the span, as JSON lines', async () => {
    const result = await run('query', '-e', 'note("c3 [e3 g3]")', '--cycles', '0:2', '--json');
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { begin: 0, end: 0.5, value: { note: 'c3' } },
      { begin: 0.5, end: 0.75, value: { note: 'e3' } },
      { begin: 0.75, end: 1, value: { note: 'g3' } },
      { begin: 1, end: 1.5, value: { note: 'c3' } },
      { begin: 1.5, end: 1.75, value: { note: 'e3' } },
      { begin: 1.75, end: 2, value: { note: 'g3' } },
    ]);
  });

  it('leaves out events that began before the span', async () => {
    const result = await run('query', '-e', 's("bd sd")', '--cycles', '1/4:1', '--json');
    expect(result.out.trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ begin: 0.5, end: 1, value: { s: 'sd' } }]);
  });

  it('prints exact fractions with --exact, and tab-separated text without --json', async () => {
    const exact = await run('query', '-e', 's("bd*3")', '--json', '--exact');
    expect(JSON.parse(exact.out.split('\n')[1]!)).toEqual({ begin: '1/3', end: '2/3', value: { s: 'bd' } });
    const text = await run('query', '-e', 's("bd*3")');
    expect(text.out).toBe('0\t0.3333333333333333\t{"s":"bd"}\n0.3333333333333333\t0.6666666666666666\t{"s":"bd"}\n0.6666666666666666\t1\t{"s":"bd"}\n');
  });

  it('reads pattern files with layers', async () => {
    const file = join(dir, 'song.motif');
    writeFileSync(file, '$: s("bd*2")\nlead: note("c4")\n');
    const result = await run('query', file, '--json');
    expect(result.out.trim().split('\n')).toHaveLength(3);
  });
});

describe('bad input', () => {
  it('a missing file', async () => {
    expectUserError(await run('query', 'nope.js'), /^motif query: cannot read nope\.js: no such file$/m);
  });
  it('a directory', async () => {
    mkdirSync(join(dir, 'folder.js'), { recursive: true });
    expectUserError(await run('query', 'folder.js'), /folder\.js is a directory/);
  });
  it('a syntax error, with line:column', async () => {
    const file = join(dir, 'broken.js');
    writeFileSync(file, 'note("c3 e3")\n  .fast(2\n');
    expectUserError(await run('query', file), /^.*broken\.js:3:1: Syntax error: /);
  });
  it('an unknown function, with line:column', async () => {
    expectUserError(await run('query', '-e', 'note("c3").fsat(2)'), /^-e:1:12: .*fsat/);
  });
  it('an unknown option, with exit code 2', async () => {
    const result = await run('query', '-e', 's("bd")', '--cylces', '2');
    expectUserError(result, /unknown option --cylces/);
    expect(result.code).toBe(2);
  });
  it('an unknown command', async () => {
    expectUserError(await run('qeury'), /unknown command "qeury"/);
  });
  it('a pattern with no events', async () => {
    expectUserError(await run('query', '-e', 'silence'), /has no events in cycles 0 to 1/);
    expectUserError(await run('query', '-e', 's("~ ~")', '--cycles', '4'), /has no events in cycles 0 to 4/);
  });
  it('code that declares no pattern', async () => {
    expectUserError(await run('query', '-e', 'const x = 1; null'), /plays nothing/);
  });
  it('no events to export: no file is written', async () => {
    const out = join(dir, 'empty.mid');
    expectUserError(await run('export', '-e', 's("~")', '-o', out), /no events/);
    expect(existsSync(out)).toBe(false);
  });
  it('an output path that cannot be written', async () => {
    expectUserError(await run('export', '-e', 'note("c4")', '-o', 'no/such/folder/out.mid'), /^motif export: cannot write no\/such\/folder\/out\.mid: its folder does not exist$/m);
  });
  it('code that never ends: stopped at the deadline, with the line of its loop', async () => {
    expectUserError(await run('query', '-e', 'let i = 0\nwhile (true) i++\nnote("c4")'), /^-e:2:1: This code ran longer than 1000 ms at line 2/);
  });
  it('limits checked before the work: spans, render length, events', async () => {
    expectUserError(await run('query', '-e', 's("bd")', '--cycles', '0:1000000000'), /--cycles 0:1000000000 spans 1000000000 cycles; a command reads at most 100000$/m);
    expectUserError(await run('render', '-e', 'setcps(1)\ns("bd*16")', '--cycles', '3601', '-o', join(dir, 'long.wav')), /cycles 0 to 3601 at 1 cps last 3601 s, longer than the 1 hour a render may last/);
    const started = Date.now();
    expectUserError(await run('export', '-e', 's("bd*64, hh*64, sd*64")', '--cycles', '20000', '-o', join(dir, 'dense.mid')), /^-e: more than 1000000 events by cycle \d+ \(layer main\); ask for fewer cycles than 0:20000$/m);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(existsSync(join(dir, 'dense.mid'))).toBe(false);
  }, 90_000);
  it('bad --cycles', async () => {
    expectUserError(await run('query', '-e', 's("bd")', '--cycles', '3:1'), /--cycles expects N or A:B/);
  });
});

describe('AI transformers', () => {
  it('waits for .continue() before printing: its events, or one line naming the call', async () => {
    const result = await run('query', '-e', 'note("c4 e4 g4 e4").continue({ cycles: 1, seed: 1 })', '--cycles', '0:2', '--json');
    if (result.code === 0) {
      expect(result.out.trim().split('\n').length).toBeGreaterThan(4); // the continuation is there
    } else {
      expectUserError(result, /^-e:1:20: \.continue\(\): /); // e.g. no trained model in models/melody/
    }
  }, 60_000);

  it('names an AI transformer that has no trained model yet, at its call, in one line', async () => {
    for (const name of ['vary', 'harmonize', 'reharmonize']) {
      const result = await run('query', '-e', `note("e4 d4")\n  .${name}()`, '--cycles', '0:1');
      expectUserError(result, new RegExp(`^-e:2:4: \\.${name}\\(\\) is not in Motif yet`));
    }
  });
});

describe('motif play', () => {
  const machine = (over: Partial<MachineProbe>): MachineProbe => ({
    platform: 'linux',
    env: {},
    hasProgram: () => false,
    list: () => [],
    exists: () => false,
    ...over,
  });
  it('finds no output on a machine with no sound card and no sound server', () => {
    expect(findAudioOutput(machine({ hasProgram: () => true }))).toEqual({ ok: false, reason: expect.stringMatching(/no sound card/) });
  });
  it('plays through a card with aplay, or through a sound server with paplay', () => {
    const card = findAudioOutput(machine({ list: () => ['controlC0', 'pcmC0D0p'], hasProgram: (name) => name === 'aplay' || name === 'paplay' }));
    expect(card.ok && card.program).toBe('aplay');
    const server = findAudioOutput(machine({ env: { XDG_RUNTIME_DIR: '/run/user/1' }, exists: (path) => path === '/run/user/1/pulse/native', hasProgram: (name) => name === 'aplay' || name === 'paplay' }));
    expect(server.ok && server.program).toBe('paplay');
  });
  it('says so in one line when a card exists but no player does', () => {
    const result = findAudioOutput(machine({ list: () => ['pcmC0D0p'] }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/no player/) });
  });
  it('refuses before rendering when there is no output', async () => {
    const file = join(dir, 'tune.js');
    writeFileSync(file, 'note("c4 e4")');
    await expect(playCommand([file], memoryIO(dir), machine({ hasProgram: () => true }))).rejects.toThrow(/^motif play: no audio output on this machine/);
  });
  it.skipIf(existsSync('/dev/snd'))('exits non-zero with one clear line on this machine, which has no audio output', async () => {
    const file = join(dir, 'tune.js');
    writeFileSync(file, 'note("c4 e4")');
    expectUserError(await run('play', file), /^motif play: no audio output on this machine \(.*\); use motif render -o out\.wav instead$/m);
  });
});

describe('bin/motif.js', () => {
  const bin = join(root, 'bin', 'motif.js');
  it('runs a query as a real process, with only results on stdout', () => {
    const result = spawnSync(process.execPath, [bin, 'query', '-e', 'note("c3 e3")', '--json'], { encoding: 'utf8', cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('{"begin":0,"end":0.5,"value":{"note":"c3"}}\n{"begin":0.5,"end":1,"value":{"note":"e3"}}\n');
  });
  it('exits non-zero with one line for a user error', () => {
    const result = spawnSync(process.execPath, [bin, 'query', 'missing.js'], { encoding: 'utf8', cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('motif query: cannot read missing.js: no such file\n');
  });
});

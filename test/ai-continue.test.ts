import type { Hap, Pattern } from '@strudel/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAiClient, createNodeAiHost } from '../src/ai/client/node.ts';
import { AiHost, type AiReport, type CallStatus } from '../src/ai/client/host.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { pitchOf } from '../src/ai/transformers/prompt.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
import { makeCheckpoint, serveCheckpoints, TINY_CONFIG, type CheckpointServer } from './ai-platform-fixtures.ts';

let server: CheckpointServer;
let host: AiHost;
const reports: AiReport[] = [];

beforeAll(async () => {
  server = await serveCheckpoints({ tiny: makeCheckpoint(TINY_CONFIG) });
  host = new AiHost({ client: createNodeAiClient, defaultModel: { kind: 'url', url: server.url('tiny') } });
  host.onReport((report) => reports.push(report));
  installAiTransformers(host);
});

afterAll(async () => {
  await host.dispose();
  await server.close();
});

interface Ev {
  begin: number;
  end: number;
  value: unknown;
}

function events(pattern: Pattern | null, begin: number, end: number): Ev[] {
  if (!pattern) throw new Error('no pattern');
  return pattern
    .queryArc(begin, end)
    .filter((hap: Hap) => hap.hasOnset())
    .map((hap: Hap) => ({ begin: hap.whole!.begin.valueOf(), end: hap.whole!.end.valueOf(), value: hap.value }))
    .sort((a, b) => a.begin - b.begin || a.end - b.end);
}

const shifted = (evs: Ev[], by: number): Ev[] => evs.map((e) => ({ ...e, begin: e.begin + by, end: e.end + by }));

/** Evaluates through the host and waits for every AI call (as the CLI does). */
async function run(code: string) {
  const result = await host.evaluate(code);
  expect(result.errors).toEqual([]);
  await host.settled();
  return result;
}

describe('.continue() on melodies', () => {
  it('keeps the prompt, adds `cycles` cycles of notes within the model range, and loops', async () => {
    const code = 'note("c4 d4 e4 g4").continue()';
    const result = await run(code);
    const source = events((await evaluate('note("c4 d4 e4 g4")')).pattern, 0, 1);
    const played = events(result.pattern, 0, 4);
    expect(played.filter((e) => e.begin < 1)).toEqual(source);
    const generated = played.filter((e) => e.begin >= 1 && e.begin < 2);
    expect(generated.length).toBeGreaterThan(0);
    for (const e of generated) {
      const pitch = pitchOf(e.value as Record<string, unknown>)!;
      expect(pitch).toBeGreaterThanOrEqual(48);
      expect(pitch).toBeLessThanOrEqual(83);
      expect(e.end).toBeLessThanOrEqual(2);
    }
    expect(played.filter((e) => e.begin >= 2)).toEqual(shifted(played.filter((e) => e.begin < 2), 2));
  });

  it('detects a multi-cycle prompt: n("0 2 4 <5 7>").scale("C:minor") has a period of 2', async () => {
    const result = await run('n("0 2 4 <5 7>").scale("C:minor").continue({ cycles: 1 })');
    const source = events((await evaluate('n("0 2 4 <5 7>").scale("C:minor")')).pattern, 0, 2);
    const played = events(result.pattern, 0, 6);
    expect(played.filter((e) => e.begin < 2)).toEqual(source);
    expect(played.filter((e) => e.begin >= 3)).toEqual(shifted(played.filter((e) => e.begin < 3), 3));
    expect(host.material(0)).toMatchObject({ promptCycles: 2, cycles: 1, stepsPerCycle: 16 });
  });

  it('generates `cycles` cycles after an explicit prompt, on a grid of `steps`', async () => {
    await run('note("<c4 e4> g4").continue({ prompt: 2, cycles: 3, steps: 8, seed: 3 })');
    const material = host.material(0)!;
    expect(material).toMatchObject({ promptCycles: 2, cycles: 3, stepsPerCycle: 8 });
    expect(material.notes.every((n) => n.startStep >= 0 && n.endStep <= 24)).toBe(true);
  });

  it('carries the controls of the source over to the generated notes', async () => {
    const result = await run('note("c4 e4 g4 e4").s("sawtooth").gain(0.5).lpf(800).continue({ seed: 1 })');
    const generated = events(result.pattern, 1, 2);
    expect(generated.length).toBeGreaterThan(0);
    for (const e of generated) expect(e.value).toMatchObject({ s: 'sawtooth', gain: 0.5, cutoff: 800 });
  });

  it('plays only the continuation in mode "only"', async () => {
    const result = await run('note("c4 d4 e4 g4").continue({ mode: "only", cycles: 2, seed: 5 })');
    const played = events(result.pattern, 0, 4);
    const material = host.material(0)!;
    expect(played.filter((e) => e.begin < 2)).toHaveLength(material.notes.length);
    expect(played.filter((e) => e.begin >= 2)).toEqual(shifted(played.filter((e) => e.begin < 2), 2));
  });

  it('keeps generated notes in the scale given by `scale`', async () => {
    const result = await run('note("c4 d4 eb4 g4").continue({ scale: "C:minor", cycles: 2, temperature: 1.5, seed: 9 })');
    const minor = new Set([0, 2, 3, 5, 7, 8, 10]);
    const generated = events(result.pattern, 1, 3);
    expect(generated.length).toBeGreaterThan(0);
    for (const e of generated) expect(minor.has(pitchOf(e.value as Record<string, unknown>)! % 12)).toBe(true);
  });

  it('continues melodies outside the model range in their own register', async () => {
    // c2..g2 (36..43) fit the model's 48..83 one octave up; the continuation comes back down: 36..71
    await run('note("c2 d2 e2 g2").continue({ seed: 2, cycles: 4 })');
    const notes = host.material(0)!.notes;
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.pitch >= 36 && n.pitch <= 71).toBe(true);
    expect(notes.some((n) => n.pitch < 48)).toBe(true);
  });
});

describe('.continue() determinism and caching', () => {
  it('gives the same events for the same seed (in a separate worker) and different ones for another seed', async () => {
    const code = (seed: number) => `note("c4 d4 e4 g4 a4 g4 e4 d4").continue({ cycles: 2, seed: ${seed} })`;
    const a = events((await run(code(11))).pattern, 0, 3);
    const other = new AiHost({ client: createNodeAiClient, defaultModel: host.defaultModel });
    installAiTransformers(other);
    try {
      await other.evaluate(code(11));
      expect(other.statuses()[0].state).toBe('pending');
      await other.settled();
      const again = events((await other.evaluate(code(11))).pattern, 0, 3);
      expect(again).toEqual(a);
      const c = events((await other.evaluate(code(12))).pattern, 0, 3);
      await other.settled();
      const different = events((await other.evaluate(code(12))).pattern, 0, 3);
      expect(different).not.toEqual(a);
      expect(c.length).toBeGreaterThan(0);
    } finally {
      installAiTransformers(host);
      await other.dispose();
    }
  });

  it('reuses cached results when unchanged code is evaluated again: no new model run', async () => {
    const code = 'note("e4 g4 a4 b4").continue({ seed: 21 })';
    const before = await host.client.stats();
    const first = events((await run(code)).pattern, 0, 2);
    const middle = await host.client.stats();
    const second = await host.evaluate(code); // no settled(): the result is there at once
    expect(host.statuses()[0].state).toBe('ready');
    expect(events(second.pattern, 0, 2)).toEqual(first);
    await host.settled();
    const after = await host.client.stats();
    expect(middle.generateRuns - before.generateRuns).toBe(1);
    expect(after.generateRuns).toBe(middle.generateRuns);
  });
});

describe('.continue() re-evaluated while pending', () => {
  it('shares the running request instead of cancelling it or starting another', async () => {
    reports.length = 0;
    const code = 'note("c4 d4 e4 g4").continue({ cycles: 8, steps: 32, seed: 71 })';
    const before = await host.client.stats();
    await host.evaluate(code);
    expect(host.statuses()[0].state).toBe('pending');
    const again = await host.evaluate(code);
    await host.settled();
    const after = await host.client.stats();
    expect(after.generateRuns - before.generateRuns).toBe(1);
    expect(host.statuses()[0].state).toBe('ready');
    expect(events(again.pattern, 1, 2).length).toBeGreaterThan(0);
    expect(reports).toEqual([]);
  });
});

describe('.continue() while pending', () => {
  it('cancels requests that only a replaced evaluation wanted, without reporting them', async () => {
    reports.length = 0;
    const big = (seed: number) => `note("c4 d4 e4 g4").continue({ cycles: 32, steps: 32, seed: ${seed} })`;
    const before = await host.client.stats();
    const replaced = host.evaluate(`stack(${big(61)}, ${big(62)}, ${big(63)})`);
    await replaced;
    await run('note("c4 d4 e4 g4").continue({ seed: 64 })');
    const after = await host.client.stats();
    // the first big request may already be running when it is cancelled; the queued ones never run
    expect(after.generateRuns - before.generateRuns).toBeLessThanOrEqual(2);
    expect(host.statuses().map((s) => s.state)).toEqual(['ready']);
    expect(reports).toEqual([]);
  });

  it('plays the source until the result arrives, then swaps at the next cycle boundary', async () => {
    let now = 2.5;
    host.setClock(() => now);
    try {
      const result = await host.evaluate('note("c4 e4 g4 b4").continue({ seed: 31 })');
      const source = events((await evaluate('note("c4 e4 g4 b4")')).pattern, 0, 1);
      expect(events(result.pattern, 2, 3)).toEqual(shifted(source, 2));
      await host.settled();
      now = 2.7;
      expect(events(result.pattern, 2, 3)).toEqual(shifted(source, 2)); // still the source before cycle 3
      const after = events(result.pattern, 3, 4); // cycle 3 of a 2-cycle loop: the continuation
      expect(after).not.toEqual(shifted(source, 3));
      expect(after.length).toBeGreaterThan(0);
    } finally {
      host.setClock(null);
    }
  });
});

describe('.continue() re-evaluated in the editor', () => {
  /** A host of its own, its model loaded (requests are made during each evaluation), serving `.continue()`. */
  async function editorHost(test: (editor: AiHost, seen: CallStatus[]) => Promise<void>): Promise<void> {
    const editor = new AiHost({ client: createNodeAiClient, defaultModel: { kind: 'url', url: server.url('tiny') } });
    installAiTransformers(editor);
    try {
      await editor.loadModel(editor.defaultModel);
      const seen: CallStatus[] = [];
      editor.onStatus((status) => seen.push(status));
      await test(editor, seen);
    } finally {
      installAiTransformers(host);
      await editor.dispose();
    }
  }

  /** As the editor evaluates: the player evaluates (and plays) the code, the host around it. */
  const play = (editor: AiHost, code: string) => editor.evaluateWith(code, () => evaluate(code));
  const states = (seen: CallStatus[], evaluation: number) => seen.filter((s) => s.evaluation === evaluation).map((s) => s.state);

  it('cancels the requests of the evaluations it replaces: of those, at most one already running still runs', async () => {
    await editorHost(async (editor, seen) => {
      const big = (seed: number) => `note("c4 d4 e4 g4").continue({ cycles: 32, steps: 32, seed: ${seed} })`;
      for (const seed of [81, 82, 83, 84]) expect((await play(editor, big(seed))).errors).toEqual([]);
      await editor.settled();
      // a request already running when it is cancelled runs to its end (at most one); the others never run
      expect((await editor.client.stats()).generateRuns).toBeLessThanOrEqual(2);
      const replaced = [1, 2, 3].map((evaluation) => states(seen, evaluation).join(' → '));
      expect(replaced.every((calls) => calls === 'pending → cancelled' || calls === 'pending → ready')).toBe(true);
      expect(replaced.filter((calls) => calls === 'pending → ready').length).toBeLessThanOrEqual(1);
      expect(states(seen, 4)).toEqual(['pending', 'ready']);
      expect(editor.statuses().map((s) => s.state)).toEqual(['ready']);
    });
  });

  it("keeps the playing evaluation's request when a newer one fails; its result swaps in on a cycle boundary", async () => {
    await editorHost(async (editor, seen) => {
      let now = 2.5;
      editor.setClock(() => now);
      const playing = await play(editor, 'note("c4 e4 g4 b4").continue({ seed: 91 })');
      const failed = await play(editor, 'note("c4 e4 g4 b4").continue({ seed: 92 }).fast(nowhere)');
      expect(failed.errors).not.toEqual([]);
      await editor.settled();
      expect(states(seen, 1)).toEqual(['pending', 'ready']);
      now = 2.7;
      const source = events((await evaluate('note("c4 e4 g4 b4")')).pattern, 0, 1);
      expect(events(playing.pattern, 2, 3)).toEqual(shifted(source, 2)); // still the source before cycle 3
      const after = events(playing.pattern, 3, 4); // cycle 3 of a 2-cycle loop: the continuation
      expect(after).not.toEqual(shifted(source, 3));
      expect(after.length).toBeGreaterThan(0);
    });
  });
});

describe('.continue() status and positions', () => {
  it('reports pending then ready for each call, at the offsets of `.continue(…)` in execution order', async () => {
    const code = 'stack(\n  note("c4 d4").continue({ seed: 41 }),\n  note("e4 f4").s("piano").continue({ seed: 42, cycles: 2 })\n)';
    const seen: CallStatus[] = [];
    const stop = host.onStatus((status) => seen.push(status));
    await run(code);
    stop();
    const first = code.indexOf('.continue');
    const second = code.indexOf('.continue', first + 1);
    expect(seen.filter((s) => s.state === 'pending').map((s) => [s.callId, s.from])).toEqual([
      [0, first],
      [1, second],
    ]);
    const ready = host.statuses();
    expect(ready.map((s) => s.state)).toEqual(['ready', 'ready']);
    expect(code.slice(ready[0].from, ready[0].to)).toBe('.continue({ seed: 41 })');
    expect(code.slice(ready[1].from, ready[1].to)).toBe('.continue({ seed: 42, cycles: 2 })');
  });
});

describe('.continue() errors: reported with the function and option, the source keeps playing', () => {
  const cases: [string, RegExp][] = [
    ['{ cycles: -1 }', /\.continue\(\): option `cycles`: must be a positive integer, got -1/],
    ['{ temperature: 0 }', /\.continue\(\): option `temperature`: must be a number > 0/],
    ['{ mode: "sideways" }', /\.continue\(\): option `mode`: must be "append" or "only"/],
    ['{ steps: 1.5 }', /\.continue\(\): option `steps`: must be a positive integer/],
    ['{ scale: "C:nonsense" }', /\.continue\(\): option `scale`: unknown scale "C:nonsense"/],
    ['{ tempreature: 1 }', /\.continue\(\): option `tempreature`: unknown option/],
    ['"fast"', /\.continue\(\): expects an options object/],
  ];
  for (const [options, message] of cases) {
    it(`rejects ${options}`, async () => {
      reports.length = 0;
      const result = await run(`note("c4 d4 e4 g4").continue(${options})`);
      expect(host.statuses()[0]).toMatchObject({ state: 'error', message: expect.stringMatching(message) });
      expect(reports.map((r) => r.level)).toEqual(['error']);
      const source = events((await evaluate('note("c4 d4 e4 g4")')).pattern, 0, 2);
      expect(events(result.pattern, 0, 2)).toEqual(source);
    });
  }

  it('rejects an empty pattern and an unpitched one', async () => {
    await run('silence.continue()');
    expect(host.statuses()[0].message).toMatch(/\.continue\(\): the source has no events/);
    const result = await run('s("bd sd").continue()');
    expect(host.statuses()[0].message).toMatch(/\.continue\(\): the source has no pitched events/);
    expect(events(result.pattern, 0, 1)).toHaveLength(2);
  });

  it('continues the top line of a polyphonic prompt and warns once', async () => {
    reports.length = 0;
    const code = 'note("[c4,e4,g4] [d4,f4] e4 g4").continue({ seed: 51 })';
    await run(code);
    await run(code);
    expect(host.statuses()[0].state).toBe('ready');
    expect(reports.filter((r) => r.level === 'warning').map((r) => r.message)).toEqual([
      '.continue(): the prompt is polyphonic; continuing its top line (highest notes)',
    ]);
  });
});

describe('.continue({ model }) with a user checkpoint', () => {
  let models: CheckpointServer;
  beforeAll(async () => {
    const wrong = makeCheckpoint(TINY_CONFIG, 2, 0.4, (name, shape) => (name === 'fully_connected/weights' ? [shape[0], 40] : shape));
    models = await serveCheckpoints({ other: makeCheckpoint({ ...TINY_CONFIG, layers: [16, 16] }, 5), wrong });
  });
  afterAll(() => models.close());

  it('loads a checkpoint from a URL', async () => {
    const result = await run(`note("c4 d4 e4 g4").continue({ model: '${models.url('other')}' })`);
    expect(host.statuses()[0].state).toBe('ready');
    expect(events(result.pattern, 1, 2).length).toBeGreaterThan(0);
  });

  it('reports a URL that fails, naming .continue and `model`, and keeps the source playing', async () => {
    const result = await run(`note("c4 d4 e4 g4").continue({ model: '${models.url('missing')}' })`);
    expect(host.statuses()[0]).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^\.continue\(\): option `model`: could not load the checkpoint at http:\/\/127\.0\.0\.1:\d+\/missing: .*404/),
    });
    expect(events(result.pattern, 0, 2)).toHaveLength(8);
  });

  it('reports a checkpoint with the wrong shapes', async () => {
    await run(`note("c4 d4 e4 g4").continue({ model: '${models.url('wrong')}' })`);
    expect(host.statuses()[0].message).toMatch(/^\.continue\(\): option `model`: .*fully_connected\/weights' has shape \[32, 40\]/);
  });
});

describe('.continue() with the default model (models/melody/, read from disk)', () => {
  it('continues a melody', async () => {
    const other = createNodeAiHost();
    installAiTransformers(other);
    try {
      const result = await other.evaluate('note("c4 d4 e4 g4").continue({ seed: 1 })');
      await other.settled();
      expect(other.statuses()[0]).toMatchObject({ state: 'ready' });
      expect(events(result.pattern, 1, 2).length).toBeGreaterThan(0);
    } finally {
      installAiTransformers(host);
      await other.dispose();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake, materialExpression, noteName } from '../src/ai/bake.ts';
import { createNodeAiClient } from '../src/ai/client/node.ts';
import { AiHost } from '../src/ai/client/host.ts';
import { resolvedPattern, type GeneratedMaterial } from '../src/ai/transformers/continuation.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { onsetHaps } from '../src/ai/transformers/prompt.ts';
import { bakeEdit } from '../src/editor/bake-command.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
import { onsetEvents } from './ai-events.ts';
import { makeCheckpoint, serveCheckpoints, TINY_CONFIG, type CheckpointServer } from './ai-platform-fixtures.ts';

let server: CheckpointServer;
let host: AiHost;

beforeAll(async () => {
  server = await serveCheckpoints({ tiny: makeCheckpoint(TINY_CONFIG, 3) });
  host = new AiHost({ client: createNodeAiClient, defaultModel: { kind: 'url', url: server.url('tiny') } });
  installAiTransformers(host);
});

afterAll(async () => {
  await host.dispose();
  await server.close();
});


async function roundTrip(code: string) {
  const resolved = await host.evaluate(code);
  await host.settled();
  const status = host.statuses()[0];
  expect(status.state).toBe('ready');
  const material = host.material(0)!;
  const baked = bake(code, status.from, material);
  const replayed = await evaluate(baked);
  expect(replayed.errors).toEqual([]);
  const loop = material.mode === 'only' ? material.cycles : material.promptCycles + material.cycles;
  expect(onsetEvents(replayed.pattern, 0, 2 * loop)).toEqual(onsetEvents(resolved.pattern, 0, 2 * loop));
  return baked;
}

describe('bake', () => {
  it('names notes as Strudel does', () => {
    expect([60, 61, 70, 47].map(noteName)).toEqual(['c4', 'c#4', 'a#4', 'b2']);
  });

  it('writes the continuation as mini-notation, one [bar] per cycle', () => {
    const material: GeneratedMaterial = {
      mode: 'append',
      promptCycles: 1,
      cycles: 2,
      stepsPerCycle: 4,
      notes: [
        { pitch: 64, note: 'e4', startStep: 0, endStep: 1, controls: { s: 'piano' } },
        { pitch: 67, note: 'g4', startStep: 2, endStep: 4, controls: { s: 'piano' } },
        { pitch: 69, note: 'a4', startStep: 5, endStep: 6, controls: { s: 'piano' } },
      ],
    };
    expect(materialExpression(material)).toBe('note("<[e4 ~ g4@2] [~ a4 ~@2]>").s("piano")');
    const code = '$: note("c4 d4").s("piano").continue({ cycles: 2 }) // lead';
    expect(bake(code, code.indexOf('.continue'), material)).toBe(
      '$: arrange([1, note("c4 d4").s("piano")], [2, note("<[e4 ~ g4@2] [~ a4 ~@2]>").s("piano")]) // lead',
    );
  });

  it('writes no control value that could end its string: hostile values are left out, the rest kept', async () => {
    const hostile = 'x") ; globalThis.pwned = 1 ; ("';
    const material: GeneratedMaterial = {
      mode: 'only',
      promptCycles: 1,
      cycles: 1,
      stepsPerCycle: 4,
      notes: [
        { pitch: 64, note: 'e4', startStep: 0, endStep: 2, controls: { s: hostile, gain: 0.5 } },
        { pitch: 67, note: 'g4', startStep: 2, endStep: 4, controls: { s: 'piano', gain: 0.5, vowel: '`${globalThis.pwned = 2}`' } },
      ],
    };
    const expression = materialExpression(material);
    expect(expression).toBe('note("e4@2 g4@2").gain(0.5)');
    delete (globalThis as { pwned?: unknown }).pwned;
    expect((await evaluate(expression)).errors).toEqual([]);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('finds the call to bake from a position inside `.continue(…)`', async () => {
    const code = 'stack(note("c4").continue({ seed: 1 }), note("e4").continue({ seed: 2 }))';
    await host.evaluate(code);
    await host.settled();
    const second = code.lastIndexOf('seed');
    expect(host.callAt(second)?.callId).toBe(1);
    expect(host.callAt(code.indexOf('note'))).toBeUndefined();
    const status = host.callAt(second)!;
    expect(bake(code, status.from, host.material(status.callId)!)).toMatch(/^stack\(note\("c4"\)\.continue\(\{ seed: 1 \}\), arrange\(\[1, note\("e4"\)\], \[1, note\("[^"]*"\)\]\)\)$/);
  });

  it('round trip: note("c4 d4").continue() baked plays the same events', async () => {
    const baked = await roundTrip('note("c4 d4").continue({ seed: 1 })');
    expect(baked).toMatch(/^arrange\(\[1, note\("c4 d4"\)\], \[1, note\("[^"]+"\)\]\)$/);
  });

  it('round trip: controls, several cycles, a multi-cycle prompt, mode "only"', async () => {
    await roundTrip('note("c4 e4 g4 e4").s("sawtooth").gain(0.5).continue({ cycles: 3, seed: 2 })');
    await roundTrip('n("0 2 4 <5 7>").scale("C:minor").continue({ seed: 3 })');
    await roundTrip('note("c4 d4 e4 g4").continue({ mode: "only", cycles: 2, steps: 8, seed: 4 })');
  });

  it('round trip: a prompt shorter than the source period loops the prompt (ribbon)', async () => {
    const baked = await roundTrip('note("<c4 e4 g4 b4>").continue({ prompt: 2, cycles: 1, seed: 5 })');
    expect(baked).toContain('.ribbon(0, 2)');
  });

  it('round trip: notes across cycle boundaries and varying controls', async () => {
    const source = (await evaluate('note("c4 [d4 e4]").s("<piano sawtooth>")')).pattern!;
    const material: GeneratedMaterial = {
      mode: 'append',
      promptCycles: 2,
      cycles: 2,
      stepsPerCycle: 4,
      notes: [
        { pitch: 64, note: 'e4', startStep: 1, endStep: 6, controls: { s: 'piano' } },
        { pitch: 60, note: 'c4', startStep: 6, endStep: 7, controls: { s: 'sawtooth' } },
      ],
    };
    const resolved = resolvedPattern(onsetHaps(source, 0, 2), material);
    const code = 'note("c4 [d4 e4]").s("<piano sawtooth>").continue()';
    const baked = bake(code, code.indexOf('.continue'), material);
    expect(baked).toContain('.slow(2)');
    const replayed = await evaluate(baked);
    expect(replayed.errors).toEqual([]);
    expect(onsetEvents(replayed.pattern, 0, 8)).toEqual(onsetEvents(resolved, 0, 8));
  });
});

// The editor's bake command (Ctrl+Shift+B): the change it makes to the code.
function apply(code: string, change: { from: number; to: number; insert: string }): string {
  return code.slice(0, change.from) + change.insert + code.slice(change.to);
}

describe('bake in the editor', () => {
  it('replaces the call under the cursor with its notes, keeping the rest of the code', async () => {
    const code = 'setcps(0.5)\n$: note("c4 d4 e4 g4").s("triangle").continue({ seed: 4 })\n$: s("bd*2")';
    await host.evaluate(code);
    await host.settled();
    const cursor = code.indexOf('continue') + 3;
    const edit = bakeEdit(code, host, cursor);
    expect(edit.ok).toBe(true);
    const baked = apply(code, edit.change!);
    expect(baked).not.toMatch(/continue/);
    expect(baked.startsWith('setcps(0.5)\n$: ')).toBe(true);
    expect(baked.endsWith('\n$: s("bd*2")')).toBe(true);
    const [before, after] = [await host.evaluate(code), await evaluate(baked)];
    await host.settled();
    const events = (p: typeof before.pattern) =>
      p!.queryArc(0, 2).filter((h) => h.hasOnset()).map((h) => `${h.whole!.begin.valueOf()}:${JSON.stringify(h.value)}`).sort();
    expect(after.errors).toEqual([]);
    expect(events(after.pattern).length).toBe(events(before.pattern).length);
  });

  it('explains instead of editing when the cursor is on no AI call, or the code changed since', async () => {
    const code = 'note("c4 e4").continue()';
    await host.evaluate(code);
    await host.settled();
    expect(bakeEdit(code, host, 2)).toMatchObject({ ok: false, message: expect.stringMatching(/put the cursor on an AI call/) });
    const edited = `  ${code}`;
    expect(bakeEdit(edited, host, code.indexOf('continue') + 1)).toMatchObject({ ok: false, message: expect.stringMatching(/changed since/) });
  });
});

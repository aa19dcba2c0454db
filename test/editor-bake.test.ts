/** The editor's bake command: the change it makes to the code, through a real AI host. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAiClient } from '../src/ai/client/node.ts';
import { AiHost } from '../src/ai/client/host.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { bakeEdit } from '../src/editor/bake-command.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
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

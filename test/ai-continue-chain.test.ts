// Chained AI calls: `a.continue(…).continue(…)`. The outer call continues what the inner one
// plays once its result is in, never the inner call's source that plays while it is pending.
import type { Pattern } from '@strudel/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake } from '../src/ai/bake.ts';
import { createNodeAiClient } from '../src/ai/client/node.ts';
import { AiHost, type CallStatus } from '../src/ai/client/host.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { bakeEdit } from '../src/editor/bake-command.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
import { onsetEvents, type OnsetEvent } from './ai-events.ts';
import { makeCheckpoint, serveCheckpoints, TINY_CONFIG, type CheckpointServer } from './ai-platform-fixtures.ts';

let server: CheckpointServer;
const hosts: AiHost[] = [];

beforeAll(async () => {
  server = await serveCheckpoints({ tiny: makeCheckpoint(TINY_CONFIG, 7) });
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.dispose()));
  await server.close();
});

/** A host with its own worker, its model not loaded yet, serving `.continue()` from now on. */
function freshHost(): AiHost {
  const host = new AiHost({ client: createNodeAiClient, defaultModel: { kind: 'url', url: server.url('tiny') } });
  hosts.push(host);
  installAiTransformers(host);
  return host;
}


type Events = OnsetEvent[];
const shifted = (events: Events, by: number): Events => events.map((e) => ({ ...e, begin: e.begin + by, end: e.end + by }));

const SOURCE = 'note("c4 e4 g4 b4").s("triangle")';
const inner = (seed: number) => `${SOURCE}.continue({ cycles: 1, seed: ${seed} })`;
const chain = (seed: number) => `${inner(seed)}.continue({ cycles: 2, seed: ${seed + 1} })`;

/** Evaluates through the host and waits for every AI call, as the CLI does. */
async function settled(host: AiHost, code: string): Promise<Pattern> {
  const result = await host.evaluate(code);
  expect(result.errors).toEqual([]);
  await host.settled();
  return result.pattern!;
}

describe('chained .continue() calls', () => {
  it('the outer call continues the inner result: its prompt is the inner prompt plus continuation', async () => {
    const host = freshHost(); // the model is not loaded yet: both calls start pending
    const chained = await settled(host, chain(1));
    expect(host.statuses().map((s) => s.state)).toEqual(['ready', 'ready']);
    expect(host.material(0)).toMatchObject({ promptCycles: 1, cycles: 1 });
    expect(host.material(1)).toMatchObject({ promptCycles: 2, cycles: 2 });

    const continued = await settled(host, inner(1)); // the inner call alone (cached)
    const innerLoop = onsetEvents(continued, 0, 2);
    expect(innerLoop.filter((e) => e.begin >= 1).length).toBeGreaterThan(0);
    // cycles 0-1: the source and the inner continuation; 2-3: the outer continuation; then it loops
    expect(onsetEvents(chained, 0, 2)).toEqual(innerLoop);
    expect(onsetEvents(chained, 2, 4).length).toBeGreaterThan(0);
    expect(onsetEvents(chained, 4, 8)).toEqual(shifted(onsetEvents(chained, 0, 4), 4));
  });

  it('equals the outer call run on the baked inner result, with the same seed', async () => {
    const host = freshHost();
    const chained = await settled(host, chain(3));
    await settled(host, inner(3));
    const status = host.statuses()[0];
    const baked = bake(inner(3), status.from, host.material(0)!);
    expect(baked).not.toContain('continue');
    const outerOnBaked = await settled(host, `${baked}.continue({ cycles: 2, seed: 4 })`);
    expect(onsetEvents(chained, 0, 8)).toEqual(onsetEvents(outerOnBaked, 0, 8));
  });

  it('gives the same pattern on every evaluation: model loading, model loaded, results cached', async () => {
    const first = onsetEvents(await settled(freshHost(), chain(5)), 0, 8);
    const host = freshHost();
    await host.loadModel(host.defaultModel); // now both requests are made during the evaluation
    expect(onsetEvents(await settled(host, chain(5)), 0, 8)).toEqual(first);
    const again = await host.evaluate(chain(5)); // cached: resolved at once, no pending phase
    expect(host.statuses().map((s) => s.state)).toEqual(['ready', 'ready']);
    expect(onsetEvents(again.pattern, 0, 8)).toEqual(first);
  });

  it('in the editor: the source plays until the chain is in, then the whole chain from a cycle boundary', async () => {
    const host = freshHost();
    const source = onsetEvents((await evaluate(SOURCE)).pattern, 0, 1);
    const seen: CallStatus[] = [];
    host.onStatus((status) => seen.push(status));
    let now = 2.5;
    host.setClock(() => now);
    const result = await host.evaluate(chain(7));
    expect(host.statuses().map((s) => s.state)).toEqual(['pending', 'pending']);
    expect(onsetEvents(result.pattern, 2, 3)).toEqual(shifted(source, 2));
    await host.settled();
    now = 2.7;
    expect(onsetEvents(result.pattern, 2, 3)).toEqual(shifted(source, 2)); // nothing changes before cycle 3
    expect(seen.map((s) => `${s.callId}:${s.state}`)).toEqual(['0:pending', '1:pending', '0:ready', '1:ready']);

    host.setClock(null);
    const headless = onsetEvents((await host.evaluate(chain(7))).pattern, 0, 4); // cached
    expect(onsetEvents(result.pattern, 4, 8)).toEqual(shifted(headless, 4));
  });

  it('makes no request for a chain whose evaluation was replaced while it waited', async () => {
    const host = freshHost();
    const seen: CallStatus[] = [];
    host.onStatus((status) => seen.push(status));
    await host.evaluate(chain(11)); // evaluation 1: both calls wait (for the model, then the inner call)
    await settled(host, `${SOURCE}.continue({ seed: 12 })`); // evaluation 2 replaces it
    expect((await host.client.stats()).generateRuns).toBe(1);
    const replaced = seen.filter((s) => s.evaluation === 1).map((s) => `${s.callId}:${s.state}`);
    expect(replaced).toEqual(['0:pending', '1:pending', '0:cancelled', '1:cancelled']); // no badge stays pending
    expect(host.statuses().map((s) => s.state)).toEqual(['ready']);
  });

  it('continues the inner source when the inner call fails while pending', async () => {
    const host = freshHost();
    const code = `${SOURCE}.continue({ model: '${server.url('missing')}' }).continue({ seed: 9 })`;
    const chained = await settled(host, code);
    expect(host.statuses().map((s) => s.state)).toEqual(['error', 'ready']);
    expect(host.material(1)).toMatchObject({ promptCycles: 1, cycles: 1 });
    expect(onsetEvents(chained, 0, 1)).toEqual(onsetEvents((await evaluate(SOURCE)).pattern, 0, 1));
  });
});

// Baking a call of a chain (Ctrl+Shift+B): the change the editor makes, then the code it leaves.
describe('baking a chained call', () => {
  const apply = (code: string, change: { from: number; to: number; insert: string }) =>
    code.slice(0, change.from) + change.insert + code.slice(change.to);

  /** The code after baking the call under `cursor`, once `code` has settled in `host`. */
  async function baked(host: AiHost, code: string, cursor: number): Promise<string> {
    await settled(host, code);
    const edit = bakeEdit(code, host, cursor);
    expect(edit.ok).toBe(true);
    return apply(code, edit.change!);
  }

  it('the outer call: the whole chain becomes notes, no .continue() is left, the events are the same', async () => {
    const host = freshHost();
    const code = `$: ${chain(13)}`;
    const chained = await settled(host, code);
    const outer = await baked(host, code, code.lastIndexOf('cycles'));
    expect(outer).not.toContain('continue');
    expect(outer).toMatch(/^\$: arrange\(\[2, arrange\(\[1, note\("c4 e4 g4 b4"\)\.s\("triangle"\)\], \[1, note\(/);
    const replayed = await evaluate(outer); // no AI host needed
    expect(replayed.errors).toEqual([]);
    expect(onsetEvents(replayed.pattern, 0, 8)).toEqual(onsetEvents(chained, 0, 8));
  });

  it('the inner call: the outer call stays and continues the baked notes, with the same result', async () => {
    const host = freshHost();
    const code = chain(15);
    const chained = await settled(host, code);
    const inner = await baked(host, code, code.indexOf('cycles'));
    expect(inner.match(/\.continue\(/g)).toHaveLength(1);
    expect(inner).toMatch(/^arrange\(\[1, note\("c4 e4 g4 b4"\)\.s\("triangle"\)\], \[1, note\(.*\)\]\)\.continue\(\{ cycles: 2, seed: 16 \}\)$/);
    const replayed = await host.evaluate(inner);
    expect(host.statuses().map((s) => s.state)).toEqual(['ready']); // the same prompt and seed: the cached result
    expect(onsetEvents(replayed.pattern, 0, 8)).toEqual(onsetEvents(chained, 0, 8));
  });

  it('the outer call of a chain whose inner call failed: the inner call goes, its source stays', async () => {
    const host = freshHost();
    const code = `${SOURCE}.continue({ model: '${server.url('missing')}' }).continue({ seed: 9 })`;
    const chained = await settled(host, code);
    const outer = await baked(host, code, code.lastIndexOf('seed'));
    expect(outer).toMatch(/^arrange\(\[1, note\("c4 e4 g4 b4"\)\.s\("triangle"\)\], \[1, note\(/);
    expect(outer).not.toContain('continue');
    expect(onsetEvents((await evaluate(outer)).pattern, 0, 4)).toEqual(onsetEvents(chained, 0, 4));
  });
});

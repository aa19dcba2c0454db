import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiClient } from '../src/ai/client/client.ts';
import { createNodeAiClient } from '../src/ai/client/node.ts';
import type { GenerateRequest } from '../src/ai/protocol.ts';
import { makeCheckpoint, serveCheckpoints, TINY_CONFIG, type CheckpointServer } from './ai-platform-fixtures.ts';

let server: CheckpointServer;
let client: AiClient;

beforeAll(async () => {
  server = await serveCheckpoints({ tiny: makeCheckpoint(TINY_CONFIG) });
  client = createNodeAiClient();
});

afterAll(async () => {
  await client.dispose();
  await server.close();
});

const request = (seed: number, steps = 8): GenerateRequest => ({
  model: { kind: 'url', url: server.url('tiny') },
  primer: [2 + 12, 0, 0, 0, 2 + 16, 0, 1, 0],
  steps,
  temperature: 1,
  seed,
});

describe('the AI worker (worker_threads, through the protocol)', () => {
  it('loads a checkpoint and reports its range and weights hash', async () => {
    const info = await client.loadModel({ kind: 'url', url: server.url('tiny') });
    expect(info).toMatchObject({ minPitch: 48, maxPitch: 83, layers: [32] });
    expect(info.weightsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('generates the requested number of events, deterministically by seed', async () => {
    const a = await client.generate(request(7, 16));
    const b = await client.generate(request(7, 16));
    const c = await client.generate(request(8, 16));
    expect(a).toHaveLength(16);
    expect(a.every((event) => Number.isInteger(event) && event >= 0 && event < 38)).toBe(true);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('answers errors for the call that caused them, and keeps working', async () => {
    await expect(client.generate({ ...request(1), primer: [] })).rejects.toThrow(/primer must not be empty/);
    await expect(client.generate(request(1))).resolves.toHaveLength(8);
  });

  it('cancels a call that has not started', async () => {
    const controller = new AbortController();
    const slow = client.generate(request(1, 64));
    const cancelled = client.generate(request(2, 64), controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ cancelled: true });
    await expect(slow).resolves.toHaveLength(64);
  });

  it('frees every tensor: 100 generate calls leave tf.memory().numTensors unchanged', async () => {
    await client.generate(request(0));
    const before = await client.memory();
    for (let seed = 1; seed <= 100; seed++) await client.generate(request(seed, 4));
    const after = await client.memory();
    expect(after.backend).toBe('wasm');
    expect(after.numTensors).toBe(before.numTensors);
  });
});

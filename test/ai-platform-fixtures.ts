/**
 * Test fixtures for the AI platform: small Magenta-format melody checkpoints with seeded random
 * weights, served over http on 127.0.0.1 (no network, no trained model needed).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 as random } from '../src/util/mulberry32.ts';
import { expectedShapes, specFromConfig, type MelodyModelConfig } from '../src/ai/melody/config.ts';

export const TINY_CONFIG: MelodyModelConfig = { minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [32] };

/** Checkpoint files (config.json, weights_manifest.json, one shard) with weights uniform in ±scale. */
export function makeCheckpoint(
  config: MelodyModelConfig,
  seed = 1,
  scale = 0.4,
  reshape: (name: string, shape: number[]) => number[] = (_, shape) => shape,
): Map<string, Uint8Array> {
  const next = random(seed);
  const specs = expectedShapes(config).map(({ name, shape }) => ({ name, shape: reshape(name, shape), dtype: 'float32' as const }));
  const count = specs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1), 0);
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) weights[i] = (next() * 2 - 1) * scale;
  const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return new Map([
    ['config.json', text(specFromConfig(config))],
    ['weights_manifest.json', text([{ paths: ['group1-shard1of1.bin'], weights: specs }])],
    ['group1-shard1of1.bin', new Uint8Array(weights.buffer)],
  ]);
}

export interface CheckpointServer {
  /** Base URL of checkpoint `name`, e.g. `${server.url('tiny')}` → http://127.0.0.1:port/tiny */
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves `checkpoints` (name → files) from 127.0.0.1; unknown paths answer 404. */
export async function serveCheckpoints(checkpoints: Record<string, Map<string, Uint8Array>>): Promise<CheckpointServer> {
  const server: Server = createServer((request, response) => {
    const [, name, file] = /^\/([^/]+)\/([^/?]+)/.exec(request.url ?? '') ?? [];
    const body = name && file ? checkpoints[name]?.get(file) : undefined;
    if (!body) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

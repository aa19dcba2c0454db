import * as tf from '@tensorflow/tfjs';
import { expect, test } from 'vitest';
import { activateBackend } from '../src/ai/tf/activate.ts';
import { setupNodeBackend, wasmDistFolder } from '../src/ai/tf/node-backend.ts';
import { existsSync } from 'node:fs';

test('wasm binaries are found in the package dist folder', () => {
  expect(existsSync(`${wasmDistFolder()}tfjs-backend-wasm-simd.wasm`)).toBe(true);
});

test('when wasm cannot start, the cpu backend is used with a clear warning', async () => {
  const warnings: string[] = [];
  const choice = await activateBackend(
    () => {
      throw new Error('no wasm here');
    },
    { warn: (m) => warnings.push(m) },
  );
  expect(choice.backend).toBe('cpu');
  expect(tf.getBackend()).toBe('cpu');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/wasm backend failed to start \(no wasm here\); using the slower cpu backend/);
});

test('in Node the wasm backend starts from node_modules', async () => {
  const choice = await setupNodeBackend({ warn: (m) => expect.fail(m) });
  expect(choice).toEqual({ backend: 'wasm' });
  expect(tf.getBackend()).toBe('wasm');
});

/** Generation's fast step (kernels split once, the one-hot input gathered) equals the plain step. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import type { MelodyModelConfig } from '../src/ai/melody/config.ts';
import { disposeInference, inferStep, prepareInference, stepLogits, zeroState, type LstmState } from '../src/ai/melody/lstm.ts';
import { initialParams } from '../src/ai/melody/training.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const config: MelodyModelConfig = { minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [16, 12] };

beforeAll(async () => {
  await setupNodeBackend();
});

test('inferStep gives stepLogits’ logits and state over a sequence', () => {
  const { params } = initialParams(config, 3);
  const weights = prepareInference(params);
  const maxDiff = tf.tidy(() => {
    let plain: LstmState = zeroState(params, 1);
    let fast: LstmState = zeroState(params, 1);
    let diff = 0;
    for (const event of [2, 0, 0, 14, 1, 30, 0, 7]) {
      const [a, b] = [stepLogits(params, [event], plain), inferStep(weights, event, fast)];
      diff = Math.max(diff, tf.max(tf.abs(tf.sub(a.logits, b.logits))).dataSync()[0]!);
      diff = Math.max(diff, tf.max(tf.abs(tf.sub(a.state.h[1]!, b.state.h[1]!))).dataSync()[0]!);
      [plain, fast] = [a.state, b.state];
    }
    return diff;
  });
  expect(maxDiff).toBeLessThan(1e-5);
  disposeInference(weights);
});

/** Training pieces for the melody LSTM: initial weights, batches of windows, one optimiser step. */
import * as tf from '@tensorflow/tfjs';
import { eventDepth, transposeEvents, type PitchRange } from '../encodings/melody.ts';
import type { MelodyModelConfig } from './config.ts';
import { sequenceLoss, type LstmParams } from './lstm.ts';
import { mulberry32 } from './sampling.ts';

export interface TrainingParams {
  params: LstmParams;
  variables: tf.Variable[];
}

/** Glorot-uniform kernels, zero biases, as variables; deterministic for a seed. */
export function initialParams(config: MelodyModelConfig, seed: number): TrainingParams {
  const depth = eventDepth(config);
  const glorot = (rows: number, cols: number, s: number): tf.Variable => {
    const limit = Math.sqrt(6 / (rows + cols));
    return tf.variable(tf.randomUniform([rows, cols], -limit, limit, 'float32', s));
  };
  const kernels: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  let input = depth;
  config.layers.forEach((size, l) => {
    kernels.push(glorot(input + size, 4 * size, seed + l));
    biases.push(tf.variable(tf.zeros([4 * size])));
    input = size;
  });
  const fcWeights = glorot(input, depth, seed + 100);
  const fcBiases = tf.variable(tf.zeros([depth]));
  return fromVariables([...kernels, ...biases, fcWeights, fcBiases], config.layers.length);
}

/** Rebuilds TrainingParams from variables in the order kernels, biases, fc weights, fc biases. */
export function fromVariables(variables: tf.Variable[], layers: number): TrainingParams {
  const params: LstmParams = {
    kernels: variables.slice(0, layers) as tf.Tensor2D[],
    biases: variables.slice(layers, 2 * layers) as tf.Tensor1D[],
    fcWeights: variables[2 * layers] as tf.Tensor2D,
    fcBiases: variables[2 * layers + 1] as tf.Tensor1D,
  };
  return { params, variables };
}

export interface WindowSource {
  events: number[];
  stepsPerBar: number;
}

export interface Batch {
  inputs: number[][];
  targets: number[][];
  mask: number[][];
}

/**
 * Samples `batchSize` windows of `steps + 1` events: a tune (weighted by length), with probability
 * `transposedShare` a non-zero shift from `transpositions` that keeps it in range, and a start on
 * a bar line. Short tunes are padded
 * and masked.
 */
export function makeBatchSampler(
  tunes: WindowSource[],
  range: PitchRange,
  options: {
    batchSize: number;
    steps: number;
    /** Candidate shifts in semitones (0 = the tune as written). */
    transpositions: number[];
    /** Share of windows drawn transposed (a non-zero shift); the rest keep the written key. */
    transposedShare?: number;
    seed: number;
  },
): () => Batch {
  const random = mulberry32(options.seed);
  const shifted: number[][][] = tunes.map((t) =>
    options.transpositions
      .filter((s) => s !== 0)
      .map((s) => transposeEvents(t.events, s, range))
      .filter((e): e is number[] => e !== null),
  );
  const share = options.transposedShare ?? 1 - 1 / Math.max(1, options.transpositions.length);
  const cumulative: number[] = [];
  let total = 0;
  for (const t of tunes) cumulative.push((total += t.events.length));
  const pickTune = (): number => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return () => {
    const batch: Batch = { inputs: [], targets: [], mask: [] };
    for (let b = 0; b < options.batchSize; b++) {
      const index = pickTune();
      const choices = shifted[index];
      const transpose = choices.length > 0 && random() < share;
      const events = transpose ? choices[Math.floor(random() * choices.length)] : tunes[index].events;
      const bar = tunes[index].stepsPerBar;
      const lastStart = Math.max(0, events.length - options.steps - 1);
      const start = Math.floor((random() * (lastStart + 1)) / bar) * bar;
      const inputs: number[] = [];
      const targets: number[] = [];
      const mask: number[] = [];
      for (let t = 0; t < options.steps; t++) {
        const ok = start + t + 1 < events.length;
        inputs.push(ok ? events[start + t] : 0);
        targets.push(ok ? events[start + t + 1] : 0);
        mask.push(ok ? 1 : 0);
      }
      batch.inputs.push(inputs);
      batch.targets.push(targets);
      batch.mask.push(mask);
    }
    return batch;
  };
}

/** One optimiser step with gradients clipped to a global norm; returns the batch loss (nats/step). */
export function trainStep(training: TrainingParams, optimizer: tf.Optimizer, batch: Batch, clipNorm: number): number {
  const loss = tf.tidy(() => {
    const inputs = tf.tensor2d(batch.inputs, undefined, 'int32');
    const targets = tf.tensor2d(batch.targets, undefined, 'int32');
    const mask = tf.tensor2d(batch.mask, undefined, 'float32');
    const { value, grads } = tf.variableGrads(() => sequenceLoss(training.params, inputs, targets, mask), training.variables);
    const norm = tf.sqrt(tf.addN(training.variables.map((v) => tf.sum(tf.square(grads[v.name])))));
    const scale = tf.div(clipNorm, tf.maximum(norm, clipNorm));
    // In the order of training.variables: optimisers keep their slots by position.
    optimizer.applyGradients(training.variables.map((v) => ({ name: v.name, tensor: tf.mul(grads[v.name], scale) })));
    return value;
  });
  const result = loss.dataSync()[0];
  loss.dispose();
  return result;
}

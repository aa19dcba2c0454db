/**
 * The MusicRNN network with tf ops: stacked TF1 BasicLSTMCells (gate order i, j, f, o; forget bias
 * 1.0 added at run time) and a fully connected layer to event logits. The same functions train
 * (sequenceLoss) and infer (stepLogits), so trained weights behave identically in Magenta.
 */
import * as tf from '@tensorflow/tfjs';

export const FORGET_BIAS = 1.0;

/** Weights in Magenta's layout: kernel [in + H, 4H], bias [4H], fc weights [H, D], biases [D]. */
export interface LstmParams {
  kernels: tf.Tensor2D[];
  biases: tf.Tensor1D[];
  fcWeights: tf.Tensor2D;
  fcBiases: tf.Tensor1D;
}

// A type alias (not an interface) so that tf.tidy accepts it as a TensorContainer.
export type LstmState = {
  c: tf.Tensor2D[];
  h: tf.Tensor2D[];
};

export const hiddenSize = (params: LstmParams, layer: number): number => params.biases[layer].shape[0] / 4;
export const depthOf = (params: LstmParams): number => params.fcBiases.shape[0];

export function zeroState(params: LstmParams, batch: number): LstmState {
  const c = params.biases.map((_, l) => tf.zeros([batch, hiddenSize(params, l)]) as tf.Tensor2D);
  const h = params.biases.map((_, l) => tf.zeros([batch, hiddenSize(params, l)]) as tf.Tensor2D);
  return { c, h };
}

/** The kernel's input rows and recurrent rows. */
function splitKernel(kernel: tf.Tensor2D, hidden: number): { wx: tf.Tensor2D; wh: tf.Tensor2D } {
  const inputSize = kernel.shape[0] - hidden;
  const [wx, wh] = tf.split(kernel, [inputSize, hidden], 0) as [tf.Tensor2D, tf.Tensor2D];
  return { wx, wh };
}

/**
 * One cell step from the input's projection `xw = x·Wx + bias` ([B, 4H]); equals TF1's
 * BasicLSTMCell on concat(x, h)·kernel + bias.
 */
function cellStep(xw: tf.Tensor2D, wh: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D): { c: tf.Tensor2D; h: tf.Tensor2D } {
  const gates = tf.add(xw, tf.matMul(h, wh));
  const [i, j, f, o] = tf.split(gates, 4, 1);
  const nextC = tf.add(tf.mul(c, tf.sigmoid(tf.add(f, FORGET_BIAS))), tf.mul(tf.sigmoid(i), tf.tanh(j))) as tf.Tensor2D;
  const nextH = tf.mul(tf.tanh(nextC), tf.sigmoid(o)) as tf.Tensor2D;
  return { c: nextC, h: nextH };
}

/**
 * Feeds one event per batch row; returns the new state and the logits for the next event.
 * Call inside tf.tidy (or dispose what it returns).
 */
export function stepLogits(params: LstmParams, events: number[], state: LstmState): { state: LstmState; logits: tf.Tensor2D } {
  const depth = depthOf(params);
  let x: tf.Tensor2D = tf.oneHot(tf.tensor1d(events, 'int32'), depth).toFloat() as tf.Tensor2D;
  const c: tf.Tensor2D[] = [];
  const h: tf.Tensor2D[] = [];
  params.kernels.forEach((kernel, l) => {
    const { wx, wh } = splitKernel(kernel, hiddenSize(params, l));
    const xw = tf.add(tf.matMul(x, wx), params.biases[l]) as tf.Tensor2D;
    const next = cellStep(xw, wh, state.c[l], state.h[l]);
    c.push(next.c);
    h.push(next.h);
    x = next.h;
  });
  const logits = tf.add(tf.matMul(x, params.fcWeights), params.fcBiases) as tf.Tensor2D;
  return { state: { c, h }, logits };
}

/**
 * The weights split once for generation: each kernel's input rows `wx` and recurrent rows `wh`.
 * Splitting per step (as stepLogits does) costs more than the step's arithmetic at these sizes.
 */
export interface InferenceWeights {
  wx: tf.Tensor2D[];
  wh: tf.Tensor2D[];
  params: LstmParams;
}

export function prepareInference(params: LstmParams): InferenceWeights {
  const split = params.kernels.map((kernel, l) => splitKernel(kernel, hiddenSize(params, l)));
  return { wx: split.map((s) => s.wx), wh: split.map((s) => s.wh), params };
}

export function disposeInference(weights: InferenceWeights): void {
  tf.dispose([...weights.wx, ...weights.wh]);
}

/**
 * stepLogits for one sequence and one event, on prepared weights: the first layer's input
 * projection of a one-hot event is a row of Wx, gathered rather than multiplied. Same result.
 * Call inside tf.tidy (or dispose what it returns).
 */
export function inferStep(weights: InferenceWeights, event: number, state: LstmState): { state: LstmState; logits: tf.Tensor2D } {
  const { params } = weights;
  const c: tf.Tensor2D[] = [];
  const h: tf.Tensor2D[] = [];
  let x = tf.gather(weights.wx[0], [event]) as tf.Tensor2D;
  for (let l = 0; l < weights.wx.length; l++) {
    const projected = l === 0 ? x : tf.matMul(x, weights.wx[l]);
    const xw = tf.add(projected, params.biases[l]) as tf.Tensor2D;
    const next = cellStep(xw, weights.wh[l], state.c[l], state.h[l]);
    c.push(next.c);
    h.push(next.h);
    x = next.h;
  }
  const logits = tf.add(tf.matMul(x, params.fcWeights), params.fcBiases) as tf.Tensor2D;
  return { state: { c, h }, logits };
}

/**
 * Runs sequences (`inputs` [B, T] event ids) from `initial` (default: a zero state); returns the
 * logits for the next event at every step, time-major: row t·B + b is sequence b after step t
 * ([T·B, D]), and the final state.
 */
export function sequenceLogitsWithState(
  params: LstmParams,
  inputs: tf.Tensor2D,
  initial?: LstmState,
): { logits: tf.Tensor2D; state: LstmState } {
  const [batch, steps] = inputs.shape;
  const depth = depthOf(params);
  let layerInput: tf.Tensor2D = tf.oneHot(tf.reshape(tf.transpose(inputs), [steps * batch]), depth).toFloat() as tf.Tensor2D;
  const state: LstmState = { c: [], h: [] };
  params.kernels.forEach((kernel, l) => {
    const hidden = hiddenSize(params, l);
    const { wx, wh } = splitKernel(kernel, hidden);
    const projected = tf.add(tf.matMul(layerInput, wx), params.biases[l]) as tf.Tensor2D;
    const perStep = steps === 1 ? [projected] : (tf.split(projected, steps, 0) as tf.Tensor2D[]);
    let c = initial?.c[l] ?? (tf.zeros([batch, hidden]) as tf.Tensor2D);
    let h = initial?.h[l] ?? (tf.zeros([batch, hidden]) as tf.Tensor2D);
    const outputs: tf.Tensor2D[] = [];
    for (const xw of perStep) {
      ({ c, h } = cellStep(xw, wh, c, h));
      outputs.push(h);
    }
    state.c.push(c);
    state.h.push(h);
    layerInput = outputs.length === 1 ? outputs[0] : tf.concat(outputs, 0);
  });
  const logits = tf.add(tf.matMul(layerInput, params.fcWeights), params.fcBiases) as tf.Tensor2D;
  return { logits, state };
}

/** `sequenceLogitsWithState` from a zero state, logits only. */
export function sequenceLogits(params: LstmParams, inputs: tf.Tensor2D): tf.Tensor2D {
  return sequenceLogitsWithState(params, inputs).logits;
}

/**
 * Mean negative log-likelihood (nats per step) of `targets` given `inputs` (both [B, T] event
 * ids), counting only steps where `mask` [B, T] is 1.
 */
export function sequenceLoss(params: LstmParams, inputs: tf.Tensor2D, targets: tf.Tensor2D, mask: tf.Tensor2D): tf.Scalar {
  const [batch, steps] = targets.shape;
  const logits = sequenceLogits(params, inputs);
  const flatTargets = tf.reshape(tf.transpose(targets), [steps * batch]);
  const flatMask = tf.reshape(tf.transpose(mask), [steps * batch]);
  const logProbs = tf.logSoftmax(logits);
  const picked = tf.sum(tf.mul(logProbs, tf.oneHot(flatTargets, depthOf(params)).toFloat()), 1);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, flatMask))), tf.maximum(tf.sum(flatMask), 1)) as tf.Scalar;
}

export function disposeParams(params: LstmParams): void {
  tf.dispose([...params.kernels, ...params.biases, params.fcWeights, params.fcBiases]);
}

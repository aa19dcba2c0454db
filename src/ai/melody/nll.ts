/** Negative log-likelihood of whole event sequences under the LSTM (forward only). */
import * as tf from '@tensorflow/tfjs';
import { sequenceLogitsWithState, zeroState, type LstmParams, type LstmState } from './lstm.ts';

export interface NllResult {
  /** Sum of -log p over predicted steps, in nats. */
  totalNll: number;
  /** Predicted steps: every event after the first of each sequence. */
  steps: number;
  /** Steps where the most probable event was the real one. */
  correct: number;
}

/**
 * Scores each sequence from a zero state, predicting events[1..] from the events before them
 * (the positions an n-gram scores too). Sequences are batched by length and run in chunks of
 * `chunkSteps`, carrying the LSTM state across chunks.
 */
export function sequenceNll(params: LstmParams, sequences: number[][], options: { batchSize?: number; chunkSteps?: number } = {}): NllResult {
  const batchSize = options.batchSize ?? 16;
  const chunkSteps = options.chunkSteps ?? 256;
  const order = sequences.map((_, i) => i).filter((i) => sequences[i].length >= 2);
  order.sort((a, b) => sequences[a].length - sequences[b].length);
  const result: NllResult = { totalNll: 0, steps: 0, correct: 0 };
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.slice(start, start + batchSize).map((i) => sequences[i]);
    const length = Math.max(...batch.map((s) => s.length)) - 1;
    let state: LstmState = tf.tidy(() => zeroState(params, batch.length));
    for (let from = 0; from < length; from += chunkSteps) {
      const steps = Math.min(chunkSteps, length - from);
      const inputs = batch.map((s) => Array.from({ length: steps }, (_, t) => s[from + t] ?? 0));
      const out = tf.tidy(() => {
        const run = sequenceLogitsWithState(params, tf.tensor2d(inputs, undefined, 'int32'), state);
        return { logProbs: tf.logSoftmax(run.logits), state: run.state };
      });
      tf.dispose([...state.c, ...state.h]);
      state = out.state;
      const logProbs = out.logProbs.dataSync();
      out.logProbs.dispose();
      const depth = logProbs.length / (steps * batch.length);
      batch.forEach((s, b) => {
        for (let t = 0; t < steps && from + t + 1 < s.length; t++) {
          const offset = (t * batch.length + b) * depth;
          const target = s[from + t + 1];
          result.totalNll -= logProbs[offset + target];
          let best = 0;
          for (let k = 1; k < depth; k++) if (logProbs[offset + k] > logProbs[offset + best]) best = k;
          if (best === target) result.correct++;
          result.steps++;
        }
      });
    }
    tf.dispose([...state.c, ...state.h]);
  }
  return result;
}

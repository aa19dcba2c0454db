/** Teacher-forced next-event probabilities of the LSTM along a given event sequence. */
import * as tf from '@tensorflow/tfjs';
import { stepLogits, zeroState, type LstmParams, type LstmState } from './lstm.ts';

/**
 * Feeds `primer` then `continuation` and returns, for each continuation position, the softmax
 * (at temperature 1) that predicted it: `continuation.length` rows of length depth.
 */
export function continuationProbabilities(params: LstmParams, primer: number[], continuation: number[]): Float32Array[] {
  if (primer.length === 0) throw new RangeError('continuationProbabilities: the primer must not be empty');
  const rows: Float32Array[] = [];
  let state: LstmState = tf.tidy(() => zeroState(params, 1));
  const events = [...primer, ...continuation];
  try {
    for (let i = 0; i < events.length - 1; i++) {
      const next = tf.tidy(() => {
        const step = stepLogits(params, [events[i]], state);
        return { state: step.state, probs: tf.softmax(step.logits) };
      });
      tf.dispose([...state.c, ...state.h]);
      state = next.state;
      if (i >= primer.length - 1) rows.push(next.probs.dataSync() as Float32Array);
      next.probs.dispose();
    }
  } finally {
    tf.dispose([...state.c, ...state.h]);
  }
  return rows;
}

/** Seeded sampling on the JS side, so the same seed picks the same events in Node and browsers. Pure. */

export { mulberry32 } from '../../util/mulberry32.ts';

/**
 * Draws an index from `probs` (need not sum to 1), counting only indices where `allowed` is true.
 * With no allowed mass it falls back to the most probable allowed index, then to index 0.
 */
export function sampleIndex(probs: ArrayLike<number>, random: () => number, allowed?: readonly boolean[]): number {
  let total = 0;
  for (let i = 0; i < probs.length; i++) if (allowed === undefined || allowed[i]) total += probs[i];
  if (!(total > 0)) return argmaxIndex(probs, allowed);
  let target = random() * total;
  let last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (allowed !== undefined && !allowed[i]) continue;
    if (probs[i] <= 0) continue;
    last = i;
    target -= probs[i];
    if (target < 0) return i;
  }
  return last;
}

export function argmaxIndex(values: ArrayLike<number>, allowed?: readonly boolean[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (allowed !== undefined && !allowed[i]) continue;
    if (best < 0 || values[i] > values[best]) best = i;
  }
  return Math.max(best, 0);
}

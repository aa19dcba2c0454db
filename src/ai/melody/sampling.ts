/** Seeded sampling on the JS side, so the same seed picks the same events in Node and browsers. Pure. */

/** mulberry32: a small 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

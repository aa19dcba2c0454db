/**
 * mulberry32: a small seeded 32-bit generator giving floats in [0, 1). One implementation for
 * everything that must repeat by seed: AI sampling, the drum kit's noise, offline renders. Pure and
 * self-contained (render/prng.ts sends its source text into AudioWorklet scopes).
 */
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

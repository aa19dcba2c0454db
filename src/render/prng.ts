/**
 * A small seeded generator (mulberry32) that stands in for `Math.random` inside a render, so noise
 * buffers and reverb impulses are the same on every render of the same file.
 */
export function seededRandom(seed: number): () => number {
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
 * The same generator as source text, for scopes the bundle cannot reach (an AudioWorklet's global
 * scope): installs it as `Math.random` there.
 */
export function seedScript(seed: number): string {
  return `Math.random = (${seededRandom.toString()})(${seed >>> 0});`;
}

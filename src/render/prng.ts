/**
 * The seeded generator (mulberry32) that stands in for `Math.random` inside a render, so noise
 * buffers and reverb impulses are the same on every render of the same file.
 */
import { mulberry32 } from '../util/mulberry32.ts';

export const seededRandom = mulberry32;

/**
 * The same generator as source text, for scopes the bundle cannot reach (an AudioWorklet's global
 * scope): installs it as `Math.random` there.
 */
export function seedScript(seed: number): string {
  return `Math.random = (${mulberry32.toString()})(${seed >>> 0});`;
}

/**
 * Generated results, keyed by everything that determines them: the prompt's events, the
 * generation options, the seed and the model's weights hash. Re-evaluating unchanged code finds
 * its continuation here instead of running the model again. Least recently used entries go first.
 */
import type { GenerateRequest } from './protocol.ts';

/** The cache key of a generation: a stable string (model identity by weights hash, not URL). */
export function generationKey(request: GenerateRequest, weightsHash: string): string {
  const pitchClasses = request.allowedPitchClasses ? [...request.allowedPitchClasses].sort((a, b) => a - b) : null;
  return JSON.stringify([
    weightsHash,
    request.primer,
    request.steps,
    request.temperature,
    request.seed,
    pitchClasses,
    request.stepsPerBar ?? null,
  ]);
}

export class ResultCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 256) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key); // re-insert: Map order is recency order
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

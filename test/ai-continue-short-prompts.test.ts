/**
 * `.continue()` continues short prompts (half a bar, one bar, two bars) with the committed model,
 * as the CLI runs it: over 20 seeds of each prompt and of the README's examples, no generated bar
 * copies a prompt bar exactly, at most 10 % copy one transposed, and at least 93 % of the
 * generated notes stay in the prompt's scale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAiHost } from '../src/ai/client/node.ts';
import type { AiHost } from '../src/ai/client/host.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { emptyTally, scaleClasses, tallyContinuation, type ContinuationTally } from './continuation-figures.ts';
import { SHORT_PROMPTS } from './fixtures/short-prompts.ts';

const SEEDS = 20;
let host: AiHost;

beforeAll(() => {
  host = createNodeAiHost();
  installAiTransformers(host);
});

afterAll(async () => {
  await host.dispose();
});

/** Evaluates one layer per seed of `source.continue({ seed, …options })` and tallies each. */
async function tallySeeds(source: string, options: string, promptCycles: number, cycles: number, scale: string, into: ContinuationTally): Promise<void> {
  const code = Array.from({ length: SEEDS }, (_, seed) => `$: ${source}.continue({ seed: ${seed}${options} })`).join('\n');
  const result = await host.evaluate(code);
  expect(result.errors).toEqual([]);
  await host.settled();
  expect(result.layers).toHaveLength(SEEDS);
  for (const layer of result.layers) tallyContinuation(into, layer.pattern, promptCycles, cycles, scaleClasses(scale));
}

const tallies = new Map<string, ContinuationTally>();

describe('.continue() on short prompts', () => {
  it.each(['half-bar', 'one-bar', 'two-bar'] as const)('continues %s prompts without copying them, in key', async (kind) => {
    const tally = emptyTally();
    for (const prompt of SHORT_PROMPTS.filter((p) => p.kind === kind)) {
      await tallySeeds(prompt.code, '', prompt.bars, prompt.bars, prompt.scale, tally);
    }
    tallies.set(kind, tally);
    expect(tally.bars).toBeGreaterThanOrEqual(10 * SEEDS);
    expect(tally.exact).toBe(0);
    expect(tally.transposed / tally.bars).toBeLessThanOrEqual(0.1);
    expect(tally.inScale / tally.notes).toBeGreaterThanOrEqual(0.93);
  }, 120_000);

  it("continues the README's examples without copying them, over 20 seeds", async () => {
    const tally = emptyTally();
    await tallySeeds('note("c4 d4 e4 g4").s("triangle")', '', 1, 1, 'C:major', tally);
    await tallySeeds('n("0 2 4 <5 7>").scale("C:minor").s("sawtooth").lpf(900)', ', cycles: 2, temperature: 0.9', 2, 2, 'C:minor', tally);
    tallies.set('readme', tally);
    expect(tally.exact).toBe(0);
    expect(tally.transposed / tally.bars).toBeLessThanOrEqual(0.1);
    expect(tally.inScale / tally.notes).toBeGreaterThanOrEqual(0.93);
  }, 120_000);

  it('continues scale degrees (n(…).scale(…)) in their scale, every note, over 20 seeds', async () => {
    for (const [source, scale] of [
      ['n("0 2 4 <5 7>").scale("C:minor")', 'C:minor'],
      ['n("0 1 2 [3 4]").scale("D4:dorian")', 'D:dorian'],
      ['n("<0 4> 2 1").scale("A3:minor:pentatonic")', 'A:minor pentatonic'],
    ] as const) {
      const tally = emptyTally();
      await tallySeeds(source, '', source.includes('<') ? 2 : 1, 1, scale, tally);
      expect(tally.notes).toBeGreaterThan(0);
      expect(tally.inScale, source).toBe(tally.notes);
    }
  }, 120_000);
});

afterAll(() => {
  if (process.env.MOTIF_FIGURES) console.error(JSON.stringify(Object.fromEntries(tallies)));
});

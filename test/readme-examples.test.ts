/**
 * Every ```js block in README.md runs as the CLI runs it (AI transformers awaited): it evaluates
 * without errors and makes events; `.continue()` examples play more than their source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSettled } from '../src/cli/pending.ts';
import { evaluate } from '../src/runtime/evaluate.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);

function onsets(pattern: { queryArc(b: number, e: number): { hasOnset(): boolean }[] }, cycles: number): number {
  return pattern.queryArc(0, cycles).filter((hap) => hap.hasOnset()).length;
}

describe('README examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))('example %i evaluates and plays', async (_index, code) => {
    const { result, aiErrors } = await evaluateSettled(code);
    expect(result.errors).toEqual([]);
    expect(aiErrors).toEqual([]);
    expect(result.pattern).not.toBeNull();
    expect(onsets(result.pattern!, 4)).toBeGreaterThan(0);
    if (code.includes('.continue(')) {
      const source = await evaluate(code.replace(/\.continue\([^)]*\)/, ''));
      // Append mode: prompt then continuation, so the loop is longer than the source's period.
      expect(onsets(result.pattern!, 8)).not.toEqual(onsets(source.pattern!, 8));
    }
  });
});

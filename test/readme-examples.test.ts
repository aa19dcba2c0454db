/**
 * Every ```js block in README.md runs as the CLI runs it (AI transformers awaited): it evaluates
 * without errors and makes events; `.continue()` examples play other events than their source.
 */
import type { Pattern } from '@strudel/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSettled } from '../src/cli/pending.ts';
import { evaluate } from '../src/runtime/evaluate.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);

function onsets(pattern: Pattern, cycles: number): number {
  return pattern.queryArc(0, cycles).filter((hap) => hap.hasOnset()).length;
}

function eventList(pattern: Pattern, cycles: number): string[] {
  return pattern
    .queryArc(0, cycles)
    .filter((hap) => hap.hasOnset())
    .map((hap) => `${hap.whole!.begin.valueOf()} ${JSON.stringify(hap.value)}`);
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
      // Append mode: the prompt, then generated notes where the source would have repeated.
      expect(eventList(result.pattern!, 8)).not.toEqual(eventList(source.pattern!, 8));
    }
  });
});

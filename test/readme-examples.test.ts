/** Every ```js block in README.md runs: it evaluates without errors and makes events. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/runtime/evaluate.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('README examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))('example %i evaluates and plays', async (_index, code) => {
    const result = await evaluate(code);
    expect(result.errors).toEqual([]);
    expect(result.pattern).not.toBeNull();
    const events = result.pattern!.queryArc(0, 4).filter((hap) => hap.hasOnset());
    expect(events.length).toBeGreaterThan(0);
  });
});

/**
 * Every ```js block in README.md runs as the CLI runs it (AI transformers awaited): it evaluates
 * without errors and makes events; `.continue()` examples play other pitches or rhythms than
 * their source (compared as MIDI numbers and times, so "e4" and 64 are the same note), and write
 * pitches the way their source does.
 */
import type { Pattern } from '@strudel/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSettled } from '../src/cli/pending.ts';
import { evaluate } from '../src/runtime/evaluate.ts';
import { onsetEvents } from './ai-events.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);

function onsets(pattern: Pattern, cycles: number): number {
  return pattern.queryArc(0, cycles).filter((hap) => hap.hasOnset()).length;
}

/** The `note` values' JavaScript types, in onset order. */
function noteTypes(pattern: Pattern, begin: number, end: number): string[] {
  return pattern
    .queryArc(begin, end)
    .filter((hap) => hap.hasOnset())
    .map((hap) => typeof (hap.value as Record<string, unknown>).note);
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
      expect(onsetEvents(result.pattern!, 0, 8)).not.toEqual(onsetEvents(source.pattern!, 0, 8));
      expect(new Set(noteTypes(result.pattern!, 0, 8))).toEqual(new Set(noteTypes(source.pattern!, 0, 8)));
    }
  });
});

/**
 * Fuzzing at CI size (`npm run fuzz` runs 10,000 of each): seeded mini-notation strings,
 * `.continue()` options and damaged MIDI files give no crash, no hang, no internal error, and
 * every error has a position.
 */
import { describe, expect, it } from 'vitest';
import { fuzzMidi, fuzzMini, fuzzOptions } from './fuzz/run.ts';

const CASES = 1500;

describe('fuzz', () => {
  it.each([
    ['mini-notation', fuzzMini],
    ['.continue() options', fuzzOptions],
    ['MIDI files', fuzzMidi],
  ] as const)('%s: 0 crashes, 0 hangs, 0 internal errors', async (_name, fuzz) => {
    const report = await fuzz(20261203, CASES);
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(CASES);
    // The cases reach both sides: accepted input and refused input.
    expect(report.ok).toBeGreaterThan(CASES / 10);
    expect(report.userErrors).toBeGreaterThan(CASES / 10);
  }, 120_000);
});

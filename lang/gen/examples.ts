/**
 * Runs an example the way a user would (evaluate), and tells whether it makes sound: no errors
 * and at least one event in the first cycle. Used to pick working examples at generation time
 * and by the reference test.
 */
import type { Hap, Pattern } from '@strudel/core';
import { evaluate } from '../../src/runtime/evaluate.ts';

/** Examples that need the network, audio devices or a browser are not run in Node. */
const NEEDS_HOST = /\b(samples|loadOrc|loadCsound|csound|midin|osc|input|mqtt|hydra|initHydra|speak|soundAlias|aliasBank|sysex|useRNG|setTime|evalScope|fetch)\s*\(/;

export interface ExampleRun {
  ok: boolean;
  haps: Hap[];
  error?: string;
}

export function needsHost(code: string): boolean {
  return NEEDS_HOST.test(code) || /\bwindow\.|document\./.test(code);
}

export async function runExample(code: string): Promise<ExampleRun> {
  if (needsHost(code)) return { ok: false, haps: [], error: 'needs the host (network, devices or a browser)' };
  const result = await evaluate(code);
  if (result.errors.length || !result.pattern) return { ok: false, haps: [], error: result.errors[0]?.message ?? 'no pattern' };
  let haps: Hap[];
  try {
    haps = (result.pattern as Pattern).queryArc(0, 1);
  } catch (error) {
    return { ok: false, haps: [], error: `query failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return haps.length ? { ok: true, haps } : { ok: false, haps, error: 'no events in the first cycle' };
}

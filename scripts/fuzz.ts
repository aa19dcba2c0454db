/**
 * The full fuzz run: 10,000 seeded cases each of mini-notation, `.continue()` options and MIDI
 * files; prints each failure, then one JSON line of the figures. Exits 1 on any failure.
 *
 *   npm run fuzz [-- --cases 10000 --seed 1]
 */
import { parseArgs } from 'node:util';
import { fuzzMidi, fuzzMini, fuzzOptions } from '../test/fuzz/run.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const cases = Number(values.cases);
const seed = Number(values.seed);
const results: Record<string, { cases: number; ok: number; userErrors: number; failures: number; slowestMs: number; seconds: number }> = {};
let failed = 0;
for (const [name, fuzz] of [['mini', fuzzMini], ['options', fuzzOptions], ['midi', fuzzMidi]] as const) {
  const started = Date.now();
  const report = await fuzz(seed, cases);
  for (const failure of report.failures) process.stderr.write(`${name}: ${failure}\n`);
  failed += report.failures.length;
  results[name] = { cases: report.cases, ok: report.ok, userErrors: report.userErrors, failures: report.failures.length, slowestMs: report.slowestMs, seconds: (Date.now() - started) / 1000 };
  process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`);
}
console.log(JSON.stringify({ seed, ...results }));
process.exit(failed ? 1 : 0);

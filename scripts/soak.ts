/**
 * The soak run: a simulated 30-minute set of 1,000 re-evaluations with `.continue()` (see
 * test/soak/run.ts); prints one JSON line. Exits 1 when the heap grew 5 % or more past the
 * warm-up (300 evaluations, which fill the result cache), the model's worker kept tensors, or
 * the drone had a gap.
 *
 *   npm run soak [-- --evaluations 1000 --seconds 1.8 --warmup 300]
 */
import { parseArgs } from 'node:util';
import { soak } from '../test/soak/run.ts';

const { values } = parseArgs({
  options: { evaluations: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '1.8' }, warmup: { type: 'string', default: '300' } },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('npm run soak needs node --expose-gc (the npm script passes it)');
  process.exit(2);
}
const started = Date.now();
const report = await soak({ evaluations: Number(values.evaluations), secondsApart: Number(values.seconds), warmup: Number(values.warmup), gc });
console.log(JSON.stringify({ ...report, wallSeconds: Math.round((Date.now() - started) / 1000) }));
process.exit(report.heapGrowth >= 0.05 || report.workerTensorsEnd !== report.workerTensorsBaseline || report.droneGaps > 0 ? 1 : 0);

/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another, passes its
 * output through, and collects the last JSON line of each into one summary line at the end.
 * `npm run bench -- scheduler` runs only the benches whose file name contains "scheduler".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const dir = join(import.meta.dirname, '..', 'bench');
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();

const summary: Record<string, unknown> = {};
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n== bench ${name}\n`);
  const run = spawnSync(process.execPath, ['--import', './src/node/register.mjs', '--import', 'tsx', join('bench', file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout);
  const last = run.stdout.trim().split('\n').reverse().find((line) => line.startsWith('{'));
  if (run.status !== 0 || !last) {
    failed++;
    summary[name] = { error: `exit ${run.status}` };
    continue;
  }
  summary[name] = JSON.parse(last);
}
console.log(JSON.stringify(summary));
process.exit(failed ? 1 : 0);

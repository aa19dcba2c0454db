#!/usr/bin/env node
// @ts-check
/**
 * `motif`: registers Motif's module-resolution hook and tsx (the CLI is TypeScript), then runs
 * src/cli/main.ts. Libraries' console chatter (Strudel logs on import) is kept off stdout, which
 * carries only command output; set MOTIF_DEBUG=1 to see it on stderr.
 */
import { register as registerTsx } from 'tsx/esm/api';

await import('../src/node/register.mjs');
registerTsx();

const quiet = () => {};
const toStderr = (/** @type {unknown[]} */ ...args) => process.stderr.write(args.map(String).join(' ') + '\n');
const sink = process.env.MOTIF_DEBUG ? toStderr : quiet;
console.log = sink;
console.info = sink;
console.debug = sink;
console.warn = sink;

// `motif query … | head`: the reader left; stop quietly, as other Unix tools do.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../src/cli/main.ts');
const { processIO } = await import('../src/cli/io.ts');
try {
  process.exitCode = await main(process.argv.slice(2), processIO());
} catch (error) {
  process.stderr.write(`motif: internal error (please report): ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 70;
}

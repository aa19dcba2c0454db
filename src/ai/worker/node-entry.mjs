// @ts-check
/**
 * Entry file of the Node AI worker. Node 20 does not apply `--import` flags given in a Worker's
 * `execArgv` to the worker's own entry, so this plain-JS entry registers what the worker needs and
 * then loads the TypeScript adapter:
 * - tsx, to run TypeScript;
 * - tfjs-main-hook.mjs, so that tfjs loads its CommonJS build even where Motif's prefer-`module`
 *   hook is active (it is process-wide: vitest and `npm run bench` register it).
 */
import { register } from 'node:module';
import { tsImport } from 'tsx/esm/api';

register('./tfjs-main-hook.mjs', import.meta.url);
await tsImport('./node.ts', import.meta.url);

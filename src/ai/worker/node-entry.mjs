// @ts-check
/**
 * Entry file of the Node AI worker. Node 20 does not apply `--import` flags given in a Worker's
 * `execArgv` to the worker's own entry, so this plain-JS entry registers what the worker needs and
 * then loads the TypeScript adapter through tsx.
 */
import { tsImport } from 'tsx/esm/api';

await tsImport('./node.ts', import.meta.url);

// @ts-check
/**
 * `node --import ./src/node/register.mjs --import ./src/ai/tf/register-node.mjs --import tsx …`:
 * makes `@tensorflow/*` resolve to their CommonJS builds (the AI worker's hook), which plain Node
 * can load, while Motif's prefer-`module` hook stays active for everything else.
 */
import { register } from 'node:module';

register('../worker/tfjs-main-hook.mjs', import.meta.url);

// @ts-check
/** Registers Motif's Node hooks: `node --import ./src/node/register.mjs …`. */
import { register } from 'node:module';

register('./prefer-module-field.mjs', import.meta.url);

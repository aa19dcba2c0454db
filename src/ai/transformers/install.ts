/**
 * Puts the AI transformers on Strudel patterns: `.continue()` is registered once, through
 * Strudel's own `register`, and routes to whichever host `installAiTransformers` was last given.
 * Importing this module changes nothing; calling `installAiTransformers` does.
 */
import { isPattern, register, type Pattern } from '@strudel/core';
import type { AiHost } from '../client/host.ts';
import { continuePattern } from './continue.ts';

let activeHost: AiHost | null = null;
let registered = false;

/**
 * The options argument as Strudel hands it over: `register` turns arguments into patterns (an
 * object becomes a pure pattern holding it; no argument becomes an empty sequence).
 */
function optionsArgument(argument: unknown): unknown {
  if (!isPattern(argument)) return argument;
  const pure = (argument as Pattern & { __pure?: unknown }).__pure;
  if (pure !== undefined) return pure;
  if (argument.queryArc(0, 1).length === 0) return undefined; // `.continue()`
  return argument; // a real pattern: parseContinueOptions rejects it with a clear message
}

/** Makes `.continue()` available on every pattern, served by `host`. Safe to call again. */
export function installAiTransformers(host: AiHost): void {
  activeHost = host;
  if (registered) return;
  registered = true;
  register(
    'continue',
    function (options: unknown, source: Pattern): Pattern {
      if (!activeHost) throw new Error('.continue(): no AI host is installed');
      return continuePattern(activeHost, source, optionsArgument(options));
    },
    false,
  );
}

/** Detaches `host` if it is the active one (its `.continue()` calls then fail clearly). */
export function uninstallAiTransformers(host: AiHost): void {
  if (activeHost === host) activeHost = null;
}

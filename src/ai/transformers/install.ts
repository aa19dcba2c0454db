/**
 * Puts the AI transformers on Strudel patterns: `.continue()` is registered once, through
 * Strudel's own `register`, and routes to whichever host `installAiTransformers` was last given.
 * Importing this module changes nothing; calling `installAiTransformers` does.
 */
import { isPattern, Pattern, register } from '@strudel/core';
import type { AiHost } from '../client/host.ts';
import { continuePattern } from './continue.ts';

let activeHost: AiHost | null = null;
let registered = false;

/**
 * An option value written in double quotes arrives as mini-notation: a one-event pattern stands
 * for its value ("only" → 'only', "C:minor" → 'C:minor'); anything else stays a pattern, which
 * option validation rejects.
 */
function plainValue(value: unknown): unknown {
  if (!isPattern(value)) return value;
  const haps = value.queryArc(0, 1);
  const whole = haps[0]?.whole;
  if (haps.length !== 1 || !whole || !whole.begin.eq(0) || !whole.end.eq(1)) return value;
  const inner = haps[0].value as unknown;
  return Array.isArray(inner) ? inner.join(':') : inner;
}

/**
 * The options argument as Strudel hands it over: `register` turns arguments into patterns (an
 * object becomes a pure pattern holding it; no argument becomes an empty sequence).
 */
function optionsArgument(argument: unknown): unknown {
  let options = argument;
  if (isPattern(argument)) {
    const pure = (argument as Pattern & { __pure?: unknown }).__pure;
    if (pure === undefined) return argument.queryArc(0, 1).length === 0 ? undefined : argument; // `.continue()` : a pattern
    options = pure;
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, plainValue(value)]));
}

/** Makes `.continue()` available on every pattern, served by `host`. Safe to call again. */
export function installAiTransformers(host: AiHost): void {
  activeHost = host;
  if (registered) return;
  registered = true;
  installNotYetTrained();
  register(
    'continue',
    function (options: unknown, source: Pattern): Pattern {
      if (!activeHost) throw new Error('.continue(): no AI host is installed');
      return continuePattern(activeHost, source, optionsArgument(options));
    },
    false,
  );
}

/**
 * The AI transformers Motif's language names but has no trained model for yet: calling one is a
 * clear error at its place in the code (the last good pattern keeps playing), not "is not a function".
 */
const NOT_YET_TRAINED = ['vary', 'harmonize', 'reharmonize'] as const;

function installNotYetTrained(): void {
  const proto = Pattern.prototype as unknown as Record<string, unknown>;
  for (const name of NOT_YET_TRAINED) {
    proto[name] = function (): never {
      throw new Error(`.${name}() is not in Motif yet: it needs a model that is not trained yet; .continue() is the AI transformer available today`);
    };
  }
}

/** Detaches `host` if it is the active one (its `.continue()` calls then fail clearly). */
export function uninstallAiTransformers(host: AiHost): void {
  if (activeHost === host) activeHost = null;
}

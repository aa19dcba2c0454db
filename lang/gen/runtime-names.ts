/**
 * The names the runtime really registers: what user code can call (the evaluate scope) and the
 * methods every pattern has (Pattern.prototype after the runtime's setup). Both the declaration
 * generator and the coverage test read them from here, so they agree on what "registered" means.
 */
import { Pattern } from '@strudel/core';
import { evaluate, runtimeScopeNames } from '../../src/runtime/evaluate.ts';
import { strudelScope, usableNames } from '../../src/runtime/scope.ts';
import { INLINE_VISUALS } from '../../src/runtime/visuals.ts';

export interface RuntimeNames {
  /** Names in the scope user code runs with (@strudel/core, /mini, /tonal, and evaluate()'s own). */
  scope: string[];
  /** Public Pattern.prototype members (no `_` prefix, no constructor). */
  methods: string[];
  /** The scope's values, to classify them (function, pattern, object, …). */
  scopeValues: Record<string, unknown>;
  /** Property descriptors of the methods, to tell getters from methods. */
  descriptors: Record<string, PropertyDescriptor>;
}

/**
 * Pattern members that start with `_` are Strudel's internal (unpatternified) variants, except
 * the inline visuals (`._pianoroll()`), which tunes call.
 */
export function isPublicMember(name: string): boolean {
  return (!name.startsWith('_') || INLINE_VISUALS.has(name)) && name !== 'constructor';
}

/** Evaluates a line first, so that the runtime's own Pattern methods (`.p`, `.d1`…) are installed. */
export async function runtimeNames(): Promise<RuntimeNames> {
  await evaluate('s("bd")');
  const [names, values] = usableNames(strudelScope());
  const scopeValues: Record<string, unknown> = {};
  names.forEach((name, i) => (scopeValues[name] = values[i]));
  for (const name of runtimeScopeNames()) if (!(name in scopeValues)) scopeValues[name] = () => undefined;
  const descriptors = Object.getOwnPropertyDescriptors(Pattern.prototype);
  const methods = Object.keys(descriptors).filter(isPublicMember).sort();
  return { scope: Object.keys(scopeValues).sort(), methods, scopeValues, descriptors };
}

/**
 * The names user code can call. Motif passes them to the evaluated code as parameters (an explicit
 * scope) rather than writing them onto `globalThis`.
 */
import * as core from '@strudel/core';
import * as mini from '@strudel/mini';
import * as tonal from '@strudel/tonal';

export type Scope = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void',
  'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected',
  'public', 'await', 'arguments', 'eval',
]);

let stringParserSet = false;

/** The functions of @strudel/core, /mini and /tonal, as strudel.cc exposes them. */
export function strudelScope(): Scope {
  if (!stringParserSet) {
    mini.miniAllStrings(); // as strudel.cc: single-quoted strings passed to functions are mini-notation too
    stringParserSet = true;
  }
  return { ...core, ...mini, ...tonal };
}

/** Keeps only names that can be function parameters. */
export function usableNames(scope: Scope): [string[], unknown[]] {
  const names: string[] = [];
  const values: unknown[] = [];
  for (const [name, value] of Object.entries(scope)) {
    if (!IDENTIFIER.test(name) || RESERVED.has(name)) continue;
    names.push(name);
    values.push(value);
  }
  return [names, values];
}

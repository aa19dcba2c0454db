/**
 * Limits on mini-notation written in the code, checked before anything is parsed (pure): Strudel's
 * parser takes seconds on a string of tens of kilobytes (it copies the source once per note) and
 * fails with an internal error on brackets nested a thousand deep. Both become a clear error at
 * the string's position, and the page never freezes on them.
 */
import type { Node } from 'acorn';
import { full } from 'acorn-walk';
import { positionAt } from './positions.ts';
import type { MotifError } from './result.ts';

/** The longest mini-notation string (about 2,500 notes). */
export const MAX_MINI_CHARACTERS = 8000;
/** The deepest nesting of brackets in one mini-notation string. */
export const MAX_MINI_DEPTH = 64;

const OPEN = new Set(['[', '<', '{', '(']);
const CLOSE = new Set([']', '>', '}', ')']);

function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (OPEN.has(char)) deepest = Math.max(deepest, ++depth);
    else if (CLOSE.has(char)) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Errors for double-quoted and backtick strings (mini-notation, as the transpiler reads them) over
 * the limits; `ast` is the code's syntax tree (`parseUserCode`).
 */
export function miniLimitErrors(code: string, ast: Node): MotifError[] {
  const errors: MotifError[] = [];
  const check = (node: Node, text: string): void => {
    const at = positionAt(code, node.start);
    if (text.length > MAX_MINI_CHARACTERS) {
      errors.push({ kind: 'syntax', message: `This mini-notation string has ${text.length} characters; Motif reads up to ${MAX_MINI_CHARACTERS} in one string (split it, e.g. with cat() or <…>)`, ...at });
      return;
    }
    const depth = depthOf(text);
    if (depth > MAX_MINI_DEPTH) {
      errors.push({ kind: 'syntax', message: `This mini-notation string nests brackets ${depth} deep; Motif reads up to ${MAX_MINI_DEPTH} levels`, ...at });
    }
  };
  full(ast, (node) => {
    if (node.type === 'Literal') {
      const literal = node as Node & { value: unknown; raw?: string };
      if (typeof literal.value === 'string' && literal.raw?.startsWith('"')) check(node, literal.value);
    } else if (node.type === 'TemplateLiteral') {
      const template = node as Node & { quasis: Array<{ value: { cooked: string | null } }> };
      check(node, template.quasis.map((q) => q.value.cooked ?? '').join(''));
    }
  });
  return errors;
}

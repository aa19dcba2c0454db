/**
 * Where mini-notation that Strudel cannot read is (pure): the transpiler reports only "parse error
 * at line N", and some strings fail inside the parser with JavaScript's own errors ("Invalid
 * array length"). Each double-quoted or backtick string of the code is read again on its own; the
 * first that fails gives the error, at its own character.
 */
import type { Node } from 'acorn';
import { full } from 'acorn-walk';
import { mini, mini2ast } from '@strudel/mini';
import { explainLibraryError } from './library-errors.ts';
import { positionAt } from './positions.ts';
import type { MotifError } from './result.ts';

/** The mini-notation strings of the code, in order: their text and where their text starts. */
function miniStrings(ast: Node): Array<{ text: string; offset: number }> {
  const found: Array<{ text: string; offset: number }> = [];
  full(ast, (node) => {
    if (node.type === 'Literal') {
      const literal = node as Node & { value: unknown; raw?: string };
      if (typeof literal.value === 'string' && literal.raw?.startsWith('"')) found.push({ text: literal.value, offset: node.start + 1 });
    } else if (node.type === 'TemplateLiteral') {
      const template = node as Node & { quasis: Array<{ value: { cooked: string | null } }>; expressions: unknown[] };
      if (template.expressions.length === 0) found.push({ text: template.quasis[0]?.value.cooked ?? '', offset: node.start + 1 });
    }
  });
  return found.sort((a, b) => a.offset - b.offset);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The error of the first mini-notation string that cannot be read, at its position; null if all read. */
export function miniStringError(code: string, ast: Node): MotifError | null {
  for (const { text, offset } of miniStrings(ast)) {
    // mini2ast names the line of its third argument where the error is: one line per character
    // turns that line into the error's offset in the string.
    try {
      mini2ast(`"${text}"`, 0, '\n'.repeat(text.length + 3));
    } catch (error) {
      // The parser reads the string with its quotes: offset 1 is the string's first character.
      const parsed = /^\[mini\] parse error at line (\d+): ([\s\S]*)$/.exec(message(error));
      const at = parsed ? Math.max(0, Math.min(text.length, Number(parsed[1]) - 2)) : 0;
      const why = parsed ? parsed[2]! : message(error);
      return { kind: 'syntax', message: `Mini-notation error: ${why}`, ...positionAt(code, offset + at) };
    }
    try {
      mini(text);
    } catch (error) {
      return { kind: 'syntax', message: `Mini-notation "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" cannot be read: ${explainLibraryError(message(error))}`, ...positionAt(code, offset) };
    }
  }
  return null;
}

/** Maps offsets and runtime error messages back to 1-based positions in the user's code. */
import { parse, type Node } from 'acorn';
import { simple } from 'acorn-walk';
import type { CodePosition } from './result.ts';

export function positionAt(code: string, offset: number): CodePosition {
  const before = code.slice(0, Math.max(0, Math.min(offset, code.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function offsetAt(code: string, position: CodePosition): number {
  const lines = code.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset + position.column - 1;
}

interface Named {
  identifier?: string;
  property?: string;
}

/** The name a V8 error message is about: `foo is not defined`, `x.fasst is not a function`. */
export function nameInMessage(message: string): Named {
  const undefinedName = /^(\S+) is not defined/.exec(message);
  if (undefinedName) return { identifier: undefinedName[1] };
  const notFunction = /(?:^|\.)([\w$]+) is not a function/.exec(message);
  if (notFunction) return { property: notFunction[1] };
  const readProp = /Cannot read properties of \w+ \(reading '([\w$]+)'\)/.exec(message);
  if (readProp) return { property: readProp[1] };
  const method = /^\.([\w$]+)\(\)/.exec(message); // ".fast() expects 1 inputs but got 2", ".vary() is not in Motif yet…"
  if (method) return { property: method[1] };
  return {};
}

/**
 * Finds where a runtime error's subject sits in the user's code: the first identifier or member
 * property with that name. Returns null when the message names nothing findable.
 */
export function locateRuntimeError(code: string, message: string): CodePosition | null {
  return locateName(code, nameInMessage(message));
}

/** Where the first identifier or member property with that name sits in the code, or null. */
export function locateName(code: string, named: Named): CodePosition | null {
  if (!named.identifier && !named.property) return null;
  let ast: Node;
  try {
    ast = parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true, sourceType: 'script' });
  } catch {
    return null;
  }
  let found: number | null = null;
  const keep = (offset: number) => {
    if (found === null || offset < found) found = offset;
  };
  simple(ast, {
    Identifier(node) {
      const id = node as Node & { name: string };
      if (named.identifier && id.name === named.identifier) keep(id.start);
    },
    MemberExpression(node) {
      const member = node as Node & { property: Node & { name?: string }; computed: boolean };
      if (named.property && !member.computed && member.property.name === named.property) keep(member.property.start);
    },
  });
  return found === null ? null : positionAt(code, found);
}

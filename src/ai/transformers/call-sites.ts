/**
 * Where AI transformer calls sit in the user's code (pure): every `.name(…)` member call, in order
 * of appearance, from its `.` to its closing parenthesis. Calls are matched to executions by order.
 */
import { parse, type Node } from 'acorn';
import { simple } from 'acorn-walk';

export interface CallSite {
  /** Offset of the `.` (or `?.`) before the method name. */
  from: number;
  /** Offset just after the call's closing parenthesis. */
  to: number;
}

interface MemberCall extends Node {
  callee: Node & { type: string; property: Node & { type: string; name?: string }; computed: boolean; object: Node };
}

export function findCallSites(code: string, method: string): CallSite[] {
  let ast: Node;
  try {
    ast = parse(code, { ecmaVersion: 2022, allowAwaitOutsideFunction: true, sourceType: 'script' });
  } catch {
    return []; // unparsable code has no known positions; calls then report from = to = -1
  }
  const sites: { key: number; site: CallSite }[] = [];
  simple(ast, {
    CallExpression(node) {
      const call = node as MemberCall;
      const callee = call.callee;
      if (callee.type !== 'MemberExpression' || callee.computed) return;
      if (callee.property.type !== 'Identifier' || callee.property.name !== method) return;
      const dot = code.lastIndexOf('.', callee.property.start);
      const from = dot >= callee.object.end ? (code[dot - 1] === '?' ? dot - 1 : dot) : callee.property.start;
      sites.push({ key: callee.property.start, site: { from, to: call.end } });
    },
  });
  return sites.sort((a, b) => a.key - b.key).map((entry) => entry.site);
}

/**
 * Instruments the loops of transpiled user code (pure): every `for`, `while` and `do` body starts
 * with a call to the deadline check, which knows the loop's line in the user's code. Loops are
 * matched between the user's code and the transpiler's output by their order in the text (the
 * transpiler rewrites strings and labels, never loops).
 */
import { parse, type Node } from 'acorn';
import { full } from 'acorn-walk';
import { positionAt } from './positions.ts';

/** The name of the check in the evaluated code's scope. */
export const LOOP_CHECK = '__motifLoopCheck';

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

interface LoopNode extends Node {
  body: Node;
}

/** The user's code as acorn reads it (module syntax, top-level await and return allowed), or null. */
export function parseUserCode(code: string, sourceType: 'script' | 'module' = 'module'): Node | null {
  try {
    return parse(code, { ecmaVersion: 2022, sourceType, allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
  } catch {
    return null;
  }
}

function loopsOf(ast: Node): LoopNode[] {
  const loops: LoopNode[] = [];
  full(ast, (node) => {
    if (LOOPS.has(node.type)) loops.push(node as LoopNode);
  });
  return loops.sort((a, b) => a.start - b.start);
}

/**
 * `output` (the transpiler's) with a check at the top of every loop body; the user's code and its
 * syntax tree give the lines (line 0 when the loops cannot be matched).
 */
export function guardLoops(userCode: string, userAst: Node | null, output: string): string {
  const outputAst = parseUserCode(output, 'script');
  const loops = outputAst ? loopsOf(outputAst) : [];
  if (loops.length === 0) return output;
  const userLoops = userAst ? loopsOf(userAst) : [];
  const lines = userLoops.length === loops.length ? userLoops.map((loop) => positionAt(userCode, loop.start).line) : loops.map(() => 0);
  const edits: { at: number; text: string }[] = [];
  loops.forEach((loop, i) => {
    const check = `${LOOP_CHECK}(${lines[i]});`;
    if (loop.body.type === 'BlockStatement') {
      edits.push({ at: loop.body.start + 1, text: check });
    } else {
      edits.push({ at: loop.body.start, text: `{${check}` }, { at: loop.body.end, text: '}' });
    }
  });
  let out = output;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}

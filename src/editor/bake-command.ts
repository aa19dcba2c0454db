/**
 * "Bake" an AI call: replace `.continue(…)` under the cursor with the notes it generated (and
 * the calls it continues with theirs), as mini-notation the performer can keep and edit.
 * Ctrl/Cmd+Shift+B, or a click on the call's `AI ✓` badge. The call's offsets refer to the
 * evaluated code, so the document must still hold that call where it was (otherwise: evaluate
 * first).
 */
import { EditorSelection, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { bake } from '../ai/bake.ts';
import type { GeneratedMaterial } from '../ai/index.ts';

interface BakeCall {
  callId: number;
  fn: string;
  from: number;
  to: number;
  state: string;
}

export interface BakeSource {
  callAt(offset: number): BakeCall | undefined;
  /** Every call of the evaluation that `callAt` answers from. */
  statuses(): BakeCall[];
  material(callId: number): GeneratedMaterial | undefined;
}

/** What each call generated, by its end: the calls inside a baked one are baked with it (null: it failed). */
function innerResults(source: BakeSource): Map<number, GeneratedMaterial | null> {
  const results = new Map<number, GeneratedMaterial | null>();
  for (const call of source.statuses()) {
    const material = call.state === 'ready' ? source.material(call.callId) : undefined;
    if (material) results.set(call.to, material);
    else if (call.state === 'error') results.set(call.to, null);
  }
  return results;
}

export interface BakeEdit {
  ok: boolean;
  message: string;
  /** The change to make: replace `from`..`to` of the code with `insert`. */
  change?: { from: number; to: number; insert: string };
}

/** What baking the call at `offset` changes in `code`, or why it cannot. Pure. */
export function bakeEdit(code: string, source: BakeSource, offset: number): BakeEdit {
  const call = source.callAt(offset);
  if (!call) return { ok: false, message: 'Bake: put the cursor on an AI call such as .continue(…) and evaluate it first' };
  const material = call.state === 'ready' ? source.material(call.callId) : undefined;
  if (!material) return { ok: false, message: `Bake: .${call.fn}() has no result yet (${call.state})` };
  if (!code.startsWith(`.${call.fn}`, call.from)) {
    return { ok: false, message: `Bake: the code changed since .${call.fn}() was evaluated; press Ctrl+Enter, then bake` };
  }
  let baked: string;
  try {
    baked = bake(code, call.from, material, innerResults(source));
  } catch (error) {
    return { ok: false, message: `Bake: ${error instanceof Error ? error.message : String(error)}` };
  }
  // Replace only what differs, so the undo history and the rest of the document stay put.
  let start = 0;
  while (start < code.length && start < baked.length && code[start] === baked[start]) start++;
  let end = 0;
  while (end < code.length - start && end < baked.length - start && code[code.length - 1 - end] === baked[baked.length - 1 - end]) end++;
  return {
    ok: true,
    message: `Baked .${call.fn}(): the generated notes are now in your code`,
    change: { from: start, to: code.length - end, insert: baked.slice(start, baked.length - end) },
  };
}

export function bakeCommand(source: BakeSource, report: (message: string, error: boolean) => void): Extension {
  const run = (view: EditorView) => {
    const edit = bakeEdit(view.state.doc.toString(), source, view.state.selection.main.head);
    if (edit.change) {
      const { from, insert } = edit.change;
      view.dispatch({ changes: edit.change, selection: EditorSelection.cursor(from + insert.length), userEvent: 'input.bake' });
    }
    report(edit.message, !edit.ok);
    return true;
  };
  return Prec.highest(keymap.of([{ key: 'Mod-Shift-b', run }]));
}

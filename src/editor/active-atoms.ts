/**
 * Lights up the mini-notation atoms that are sounding: a field of mark decorations that the
 * atom clock (atom-clock.ts) replaces whenever the set of sounding atoms changes.
 */
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export const ACTIVE_ATOM_CLASS = 'motif-active-atom';

/** Ranges in the current document that are sounding now (replaces the previous set). */
export const setActiveAtoms = StateEffect.define<{ from: number; to: number }[]>();

const mark = Decoration.mark({ class: ACTIVE_ATOM_CLASS });

const activeAtomField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setActiveAtoms)) continue;
      const length = tr.state.doc.length;
      const ranges: Range<Decoration>[] = effect.value
        .filter((r) => r.from < r.to && r.to <= length)
        .sort((a, b) => a.from - b.from || a.to - b.to)
        .map((r) => mark.range(r.from, r.to));
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const activeAtomTheme = EditorView.baseTheme({
  [`.${ACTIVE_ATOM_CLASS}`]: {
    outline: '1.5px solid #facc15',
    borderRadius: '2px',
    backgroundColor: '#facc1526',
  },
});

export function activeAtoms(): Extension {
  return [activeAtomField, activeAtomTheme];
}

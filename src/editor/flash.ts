/** A short flash over the code when it is evaluated, so the performer sees that the keypress took. */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export const FLASH_CLASS = 'motif-flash';
const FLASH_MS = 220;

const setFlash = StateEffect.define<boolean>();
const flashMark = Decoration.mark({ class: FLASH_CLASS });

const flashField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setFlash)) continue;
      const length = tr.state.doc.length;
      return effect.value && length > 0 ? Decoration.set([flashMark.range(0, length)]) : Decoration.none;
    }
    return value.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

const flashTheme = EditorView.baseTheme({
  [`.${FLASH_CLASS}`]: { backgroundColor: '#7dd3fc33' },
});

export function evaluationFlash(): Extension {
  return [flashField, flashTheme];
}

/** Flashes the whole document briefly. */
export function flash(view: EditorView): void {
  view.dispatch({ effects: setFlash.of(true) });
  setTimeout(() => view.dispatch({ effects: setFlash.of(false) }), FLASH_MS);
}

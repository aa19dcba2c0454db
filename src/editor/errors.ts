/**
 * Shows evaluation errors and errors raised while playing inline: the offending token is
 * underlined and the message sits at the end of its line. Kept apart from @codemirror/lint so that
 * other linters (the type checker) can own the lint state without erasing these.
 */
import { StateEffect, StateField, type EditorState, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { MotifError } from '../runtime/result.ts';
import { mapPosition } from './code-versions.ts';

type CodeVersion = 'pending' | 'playing';

export const ERROR_WIDGET_CLASS = 'motif-error';
export const ERROR_RANGE_CLASS = 'motif-error-range';

/** Where errors came from: the evaluation just made, or the pattern that is playing. */
export type ErrorSource = 'evaluation' | 'playing';

interface PlacedError {
  pos: number;
  error: MotifError;
}

interface ErrorState {
  evaluation: PlacedError[];
  playing: PlacedError[];
}

const setErrors = StateEffect.define<{ source: ErrorSource; errors: PlacedError[] }>();
const addErrors = StateEffect.define<{ source: ErrorSource; errors: PlacedError[] }>();

class ErrorWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  override eq(other: ErrorWidget): boolean {
    return other.text === this.text;
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = ERROR_WIDGET_CLASS;
    span.textContent = this.text;
    span.setAttribute('role', 'alert');
    return span;
  }
}

function describe(error: MotifError): string {
  const named = !error.layer || error.message.includes(error.layer);
  return named ? error.message : `Layer ${error.layer}: ${error.message}`;
}

function decorations(state: EditorState, value: ErrorState): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const doc = state.doc;
  const byLine = new Map<number, string[]>();
  for (const placed of [...value.evaluation, ...value.playing]) {
    const pos = Math.min(placed.pos, doc.length);
    const line = doc.lineAt(pos);
    const word = /^[\w$.]+/.exec(doc.sliceString(pos, line.to))?.[0].length ?? 1;
    const end = Math.min(line.to, pos + word);
    if (end > pos) ranges.push(Decoration.mark({ class: ERROR_RANGE_CLASS }).range(pos, end));
    const messages = byLine.get(line.number) ?? [];
    if (!messages.includes(describe(placed.error))) messages.push(describe(placed.error));
    byLine.set(line.number, messages);
  }
  for (const [number, messages] of byLine) {
    const widget = Decoration.widget({ widget: new ErrorWidget(messages.join(' · ')), side: 1 });
    ranges.push(widget.range(doc.line(number).to));
  }
  return Decoration.set(ranges, true);
}

const errorField = StateField.define<ErrorState>({
  create: () => ({ evaluation: [], playing: [] }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) {
      const map = (list: PlacedError[]) => list.map((p) => ({ ...p, pos: tr.changes.mapPos(p.pos, 1) }));
      next = { evaluation: map(next.evaluation), playing: map(next.playing) };
    }
    for (const effect of tr.effects) {
      if (effect.is(setErrors)) next = { ...next, [effect.value.source]: effect.value.errors };
      if (effect.is(addErrors)) {
        const known = next[effect.value.source];
        const fresh = effect.value.errors.filter((e) => !known.some((k) => describe(k.error) === describe(e.error)));
        if (fresh.length) next = { ...next, [effect.value.source]: [...known, ...fresh] };
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.compute([field], (state) => decorations(state, state.field(field))),
});

const errorTheme = EditorView.baseTheme({
  [`.${ERROR_RANGE_CLASS}`]: { textDecoration: 'underline wavy #f87171', textUnderlineOffset: '3px' },
  [`.${ERROR_WIDGET_CLASS}`]: {
    marginLeft: '1.5em',
    padding: '0 6px',
    borderRadius: '3px',
    color: '#fecaca',
    backgroundColor: '#7f1d1d99',
    fontSize: '0.85em',
    fontFamily: 'system-ui, sans-serif',
  },
});

export function inlineErrors(): Extension {
  return [errorField, errorTheme];
}

/** The document offset of a 1-based line/column in the evaluated code, mapped to the current document. */
function place(state: EditorState, code: string, version: CodeVersion, error: MotifError): PlacedError {
  const lines = code.split('\n');
  const lineIndex = Math.max(0, Math.min(error.line - 1, lines.length - 1));
  let offset = 0;
  for (let i = 0; i < lineIndex; i++) offset += lines[i]!.length + 1;
  offset += Math.max(0, Math.min(error.column - 1, lines[lineIndex]!.length));
  return { pos: mapPosition(state, version, offset) ?? Math.min(offset, state.doc.length), error };
}

/** Replaces the errors of one source; `code` is the text the positions refer to. */
export function showErrors(view: EditorView, source: ErrorSource, code: string, errors: readonly MotifError[]): void {
  const version: CodeVersion = source === 'evaluation' ? 'pending' : 'playing';
  const placed = errors.map((error) => place(view.state, code, version, error));
  view.dispatch({ effects: setErrors.of({ source, errors: placed }) });
}

/** Adds errors raised while playing (repeated messages are shown once). */
export function addPlayingError(view: EditorView, code: string, error: MotifError): void {
  const placed = place(view.state, code, 'playing', error);
  view.dispatch({ effects: addErrors.of({ source: 'playing', errors: [placed] }) });
}

export function clearErrors(view: EditorView): void {
  view.dispatch({ effects: [setErrors.of({ source: 'evaluation', errors: [] }), setErrors.of({ source: 'playing', errors: [] })] });
}

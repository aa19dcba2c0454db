/**
 * Shows the state of AI calls (`.continue()`) in the code: a small badge after each call,
 * "generating…" while pending, "AI ✓" when its result plays, the message when it failed; none once
 * a newer evaluation cancelled it (that evaluation's own calls, if any, take its place). Fed by
 * any source of call statuses (src/ai's `AiHost.onStatus`); offsets refer to the code of the
 * latest evaluation and are mapped through the edits made since.
 */
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet } from '@codemirror/view';
import { mapPosition } from './code-versions.ts';

export const AI_STATUS_CLASS = 'motif-ai-status';

export interface AiCallStatus {
  callId: number;
  evaluation: number;
  fn: string;
  /** Offsets of `.fn(…)` in the evaluated code; -1 when unknown. */
  from: number;
  to: number;
  state: 'pending' | 'ready' | 'error' | 'cancelled';
  message?: string;
}

export interface AiStatusSource {
  onStatus(listener: (status: AiCallStatus) => void): () => void;
}

interface Placed {
  status: AiCallStatus;
  /** Where the badge sits: the end of the call in the current document. */
  pos: number;
}

/** A call's new status, placed in the document (exported for tests; `aiStatus` feeds it). */
export const setStatus = StateEffect.define<Placed>();

class StatusBadge extends WidgetType {
  constructor(readonly status: AiCallStatus) {
    super();
  }
  override eq(other: StatusBadge): boolean {
    return other.status.state === this.status.state && other.status.message === this.status.message;
  }
  toDOM(): HTMLElement {
    const badge = document.createElement('span');
    badge.className = `${AI_STATUS_CLASS} ${AI_STATUS_CLASS}-${this.status.state}`;
    const { fn, state, message } = this.status;
    badge.textContent = state === 'pending' ? `${fn}: generating…` : state === 'ready' ? 'AI ✓' : `${fn}: ${message ?? 'failed'}`;
    badge.title = message ?? `.${fn}() ${state}`;
    return badge;
  }
}

const statusField = StateField.define<{ evaluation: number; calls: Placed[] }>({
  create: () => ({ evaluation: 0, calls: [] }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) next = { ...next, calls: next.calls.map((c) => ({ ...c, pos: tr.changes.mapPos(c.pos, 1) })) };
    for (const effect of tr.effects) {
      if (!effect.is(setStatus)) continue;
      const placed = effect.value;
      if (placed.status.evaluation < next.evaluation) continue; // a stale evaluation's call
      const calls = placed.status.evaluation > next.evaluation ? [] : next.calls.filter((c) => c.status.callId !== placed.status.callId);
      next = { evaluation: placed.status.evaluation, calls: placed.status.state === 'cancelled' ? calls : [...calls, placed] };
    }
    return next;
  },
  provide: (field) =>
    EditorView.decorations.compute([field], (state) => {
      const length = state.doc.length;
      const ranges: Range<Decoration>[] = state
        .field(field)
        .calls.map((c) => Decoration.widget({ widget: new StatusBadge(c.status), side: 1 }).range(Math.min(c.pos, length)));
      return Decoration.set(ranges, true) as DecorationSet;
    }),
});

const statusTheme = EditorView.baseTheme({
  [`.${AI_STATUS_CLASS}`]: {
    marginLeft: '0.6em',
    padding: '0 5px',
    borderRadius: '3px',
    fontSize: '0.8em',
    fontFamily: 'system-ui, sans-serif',
  },
  [`.${AI_STATUS_CLASS}-pending`]: { color: '#c4b5fd', backgroundColor: '#4c1d9540', animation: 'motif-ai-pulse 1.2s ease-in-out infinite' },
  [`.${AI_STATUS_CLASS}-ready`]: { color: '#a7f3d0', backgroundColor: '#064e3b60' },
  [`.${AI_STATUS_CLASS}-error`]: { color: '#fecaca', backgroundColor: '#7f1d1d99' },
  '@keyframes motif-ai-pulse': { '0%, 100%': { opacity: '0.5' }, '50%': { opacity: '1' } },
});

/** The AI call badges, fed by `source`. */
export function aiStatus(source: AiStatusSource): Extension {
  const feed = ViewPlugin.define((view) => {
    const unsubscribe = source.onStatus((status) => {
      if (status.to < 0) return; // position unknown: the status line reports it
      const pos = mapPosition(view.state, 'pending', status.to) ?? Math.min(status.to, view.state.doc.length);
      // Statuses can arrive while CodeMirror is updating; dispatch outside of it.
      queueMicrotask(() => view.dispatch({ effects: setStatus.of({ status, pos }) }));
    });
    return { destroy: unsubscribe };
  });
  return [statusField, statusTheme, feed];
}

/**
 * Tracks how the document changed since code was handed to the player, so that positions in that
 * code (atom locations, error positions) can be mapped onto what the editor shows now.
 *
 * - `pending`: changes since the evaluation in flight started (for its errors);
 * - `playing`: changes since the code that is playing now was evaluated (for highlights and
 *   errors raised while playing).
 */
import { ChangeSet, StateEffect, StateField, type ChangeDesc, type EditorState } from '@codemirror/state';

interface Versions {
  pending: ChangeDesc | null;
  playing: ChangeDesc | null;
}

/** Dispatch when the editor's text is handed to the evaluator. */
export const beginEvaluation = StateEffect.define<null>();
/** Dispatch when the evaluation in flight succeeded: its code is now the playing code. */
export const commitEvaluation = StateEffect.define<null>();

export const codeVersions = StateField.define<Versions>({
  create: () => ({ pending: null, playing: null }),
  update(value, tr) {
    let { pending, playing } = value;
    if (tr.docChanged) {
      pending = pending?.composeDesc(tr.changes.desc) ?? null;
      playing = playing?.composeDesc(tr.changes.desc) ?? null;
    }
    for (const effect of tr.effects) {
      if (effect.is(beginEvaluation)) pending = ChangeSet.empty(tr.state.doc.length).desc;
      if (effect.is(commitEvaluation)) playing = pending ?? ChangeSet.empty(tr.state.doc.length).desc;
    }
    return pending === value.pending && playing === value.playing ? value : { pending, playing };
  },
});

export type CodeVersion = keyof Versions;

/**
 * Maps a range `[from, to)` of the evaluated code onto the current document; null when that
 * version is unknown or the range was deleted since.
 */
export function mapRange(state: EditorState, version: CodeVersion, from: number, to: number): { from: number; to: number } | null {
  const changes = state.field(codeVersions)[version];
  if (!changes || from < 0 || to > changes.length || from > to) return null;
  const mappedFrom = changes.mapPos(from, 1);
  const mappedTo = changes.mapPos(to, -1);
  if (mappedTo <= mappedFrom && to > from) return null;
  return { from: mappedFrom, to: mappedTo };
}

/** Maps one position of the evaluated code; null when the version is unknown. */
export function mapPosition(state: EditorState, version: CodeVersion, pos: number): number | null {
  const changes = state.field(codeVersions)[version];
  if (!changes) return null;
  return changes.mapPos(Math.max(0, Math.min(pos, changes.length)), 1);
}

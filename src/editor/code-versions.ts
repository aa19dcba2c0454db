/**
 * Tracks how the document changed since code was handed to the player, so that positions in that
 * code (atom locations, error positions) can be mapped onto what the editor shows now.
 *
 * - `pending`: changes since the evaluation in flight started (for its errors);
 * - `playing`: the recently evaluated versions that may still sound, newest last, each with the
 *   cycle from which it plays (the old pattern plays until the swap) and the atoms it contains.
 */
import { ChangeSet, StateEffect, StateField, type ChangeDesc, type EditorState } from '@codemirror/state';

export interface PlayingVersion {
  id: number;
  /** Changes from this version's code to the current document. */
  changes: ChangeDesc;
  /** The first cycle this version plays; -Infinity when it replaced everything. */
  fromCycle: number;
  /** `start:end` of every mini-notation atom in this version's code. */
  atoms: ReadonlySet<string>;
}

interface Versions {
  pending: ChangeDesc | null;
  playing: readonly PlayingVersion[];
}

const KEPT_VERSIONS = 4;
let nextVersionId = 1;

/** Dispatch when the editor's text is handed to the evaluator. */
export const beginEvaluation = StateEffect.define<null>();

export interface Commit {
  fromCycle: number;
  miniLocations: readonly (readonly [number, number])[];
}

/** Dispatch when the evaluation in flight succeeded: its code plays from `fromCycle`. */
export const commitEvaluation = StateEffect.define<Commit>();

/** Dispatch when playing stops: no version sounds any more. */
export const clearPlaying = StateEffect.define<null>();

export const codeVersions = StateField.define<Versions>({
  create: () => ({ pending: null, playing: [] }),
  update(value, tr) {
    let { pending, playing } = value;
    if (tr.docChanged) {
      pending = pending?.composeDesc(tr.changes.desc) ?? null;
      playing = playing.map((version) => ({ ...version, changes: version.changes.composeDesc(tr.changes.desc) }));
    }
    for (const effect of tr.effects) {
      if (effect.is(beginEvaluation)) pending = ChangeSet.empty(tr.state.doc.length).desc;
      if (effect.is(clearPlaying)) playing = [];
      if (effect.is(commitEvaluation)) {
        const version: PlayingVersion = {
          id: nextVersionId++,
          changes: pending ?? ChangeSet.empty(tr.state.doc.length).desc,
          fromCycle: effect.value.fromCycle,
          atoms: new Set(effect.value.miniLocations.map(([start, end]) => `${start}:${end}`)),
        };
        const older = playing.filter((v) => v.fromCycle < version.fromCycle);
        playing = [...older.slice(-(KEPT_VERSIONS - 1)), version];
      }
    }
    return pending === value.pending && playing === value.playing ? value : { pending, playing };
  },
});

/** The version that plays at `cycle` (the newest one for `Infinity`); null when none. */
export function versionAt(state: EditorState, cycle: number): PlayingVersion | null {
  const playing = state.field(codeVersions).playing;
  for (let i = playing.length - 1; i >= 0; i--) if (playing[i]!.fromCycle <= cycle + 1e-9) return playing[i]!;
  return null;
}

/**
 * Maps an atom's range `[from, to)` in a playing version's code onto the current document; null
 * when the version is gone, the range is not one of its atoms, or the text was deleted since.
 */
export function mapAtom(state: EditorState, versionId: number, from: number, to: number): { from: number; to: number } | null {
  const version = state.field(codeVersions).playing.find((v) => v.id === versionId);
  if (!version || !version.atoms.has(`${from}:${to}`) || to > version.changes.length) return null;
  const mappedFrom = version.changes.mapPos(from, 1);
  const mappedTo = version.changes.mapPos(to, -1);
  return mappedTo > mappedFrom ? { from: mappedFrom, to: mappedTo } : null;
}

/** Maps a position in the pending evaluation's code (or else the newest playing version's). */
export function mapPosition(state: EditorState, version: 'pending' | 'playing', pos: number): number | null {
  const versions = state.field(codeVersions);
  const changes = version === 'pending' ? versions.pending : versions.playing[versions.playing.length - 1]?.changes;
  if (!changes) return null;
  return changes.mapPos(Math.max(0, Math.min(pos, changes.length)), 1);
}

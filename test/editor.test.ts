/** The editor's pure parts, in Node: share links, start-up choice, atom timing, code versions, layout. */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { aiStatus, setStatus, type AiCallStatus } from '../src/editor/ai-status.ts';
import { AtomTimeline } from '../src/editor/atom-timeline.ts';
import { CodeStore } from '../src/editor/code-store.ts';
import { beginEvaluation, clearPlaying, codeVersions, commitEvaluation, mapAtom, versionAt } from '../src/editor/code-versions.ts';
import { EXAMPLE_TUNE } from '../src/editor/example.ts';
import { rollPlacer, type RollNote } from '../src/editor/pianoroll-layout.ts';
import { codeFromHash, decodeCode, encodeCode, shareHash } from '../src/editor/share.ts';
import { initialCode } from '../src/editor/startup.ts';
import { evaluate } from '../src/runtime/evaluate.ts';

describe('share links', () => {
  it('round-trips code with any characters through base64url', () => {
    const code = '$: note("c4 <e4 g4>")\n// héllo ♪ 🎹 + / =';
    const encoded = encodeCode(code);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCode(encoded)).toBe(code);
    expect(codeFromHash(shareHash(code))).toBe(code);
  });

  it('reads no code from other hashes or broken data', () => {
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#section')).toBeNull();
    expect(codeFromHash('#code=***')).toBeNull();
    expect(codeFromHash(`#code=${encodeCode('')}`)).toBe('');
    expect(decodeCode('_w')).toBeNull(); // 0xFF: not UTF-8
  });
});

describe('the code the editor opens with', () => {
  it('prefers a shared link, then the saved code, then the example', () => {
    expect(initialCode('s("bd")', 'note("c")', 'ex')).toEqual({ code: 's("bd")', source: 'shared' });
    expect(initialCode(null, 'note("c")', 'ex')).toEqual({ code: 'note("c")', source: 'saved' });
    expect(initialCode(null, '  \n', 'ex')).toEqual({ code: 'ex', source: 'example' });
    expect(initialCode(null, null, 'ex')).toEqual({ code: 'ex', source: 'example' });
  });

  it('autosaves code and the swap mode in a key-value store', () => {
    const map = new Map<string, string>();
    const store = new CodeStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) });
    expect(store.loadCode()).toBeNull();
    expect(store.loadSwapMode()).toBe('cycle');
    store.saveCode('s("hh*8")');
    store.saveSwapMode('now');
    expect(store.loadCode()).toBe('s("hh*8")');
    expect(store.loadSwapMode()).toBe('now');
  });

  it('opens with an example tune that evaluates into several layers', async () => {
    const result = await evaluate(EXAMPLE_TUNE);
    expect(result.errors).toEqual([]);
    expect(result.layers.length).toBeGreaterThanOrEqual(3);
    expect(result.pattern!.queryArc(0, 1).filter((hap) => hap.hasOnset()).length).toBeGreaterThan(8);
  });
});

describe('atom timeline', () => {
  it('lights an atom from its start to its end on the audio clock', () => {
    const timeline = new AtomTimeline();
    timeline.add([{ start: 3, end: 5 }], 0, 10, 0.5);
    timeline.add([{ start: 6, end: 8 }], 0.5, 10.5, 0.5);
    expect(timeline.soundingAt(9.9)).toEqual([]);
    expect(timeline.soundingAt(10.2)).toEqual([{ start: 3, end: 5, cycle: 0 }]);
    expect(timeline.soundingAt(10.7)).toEqual([{ start: 6, end: 8, cycle: 0.5 }]);
    expect(timeline.size).toBe(1);
    expect(timeline.soundingAt(11)).toEqual([]);
    expect(timeline.size).toBe(0);
  });
});

describe('code versions', () => {
  const commit = (state: EditorState, fromCycle: number, atoms: [number, number][]) =>
    state.update({ effects: [beginEvaluation.of(null)] }).state.update({ effects: commitEvaluation.of({ fromCycle, miniLocations: atoms }) }).state;

  it('maps atoms of the playing code through later edits', () => {
    let state = EditorState.create({ doc: 'note("a4 e5")', extensions: [codeVersions] });
    state = commit(state, -Infinity, [[6, 8], [9, 11]]);
    const id = versionAt(state, 0)!.id;
    state = state.update({ changes: { from: 0, insert: '// hi\n' } }).state;
    expect(mapAtom(state, id, 6, 8)).toEqual({ from: 12, to: 14 });
    expect(state.doc.sliceString(12, 14)).toBe('a4');
    state = state.update({ changes: { from: 15, to: 17 } }).state; // delete "e5"
    expect(mapAtom(state, id, 9, 11)).toBeNull();
    expect(mapAtom(state, id, 1, 3)).toBeNull(); // not an atom of that code
  });

  it('keeps the old version for cycles before the swap', () => {
    let state = EditorState.create({ doc: 's("bd")', extensions: [codeVersions] });
    state = commit(state, -Infinity, [[3, 5]]);
    const old = versionAt(state, 0)!.id;
    state = state.update({ changes: { from: 0, to: state.doc.length, insert: 's("hh sd")' } }).state;
    state = commit(state, 4, [[3, 5], [6, 8]]);
    expect(versionAt(state, 3.5)!.id).toBe(old);
    expect(versionAt(state, 4)!.id).not.toBe(old);
    expect(mapAtom(state, old, 3, 5)).toBeNull(); // the old text is gone
    state = state.update({ effects: clearPlaying.of(null) }).state;
    expect(versionAt(state, 10)).toBeNull();
  });
});

describe('pianoroll layout', () => {
  const note = (midi: number | null, sound = ''): RollNote => ({ begin: 0, end: 1, midi, sound, layer: 0 });

  it('puts higher pitches higher and drum sounds in lanes below', () => {
    const notes = [note(60), note(72), note(null, 'bd'), note(null, 'hh')];
    const place = rollPlacer(notes);
    expect(place(note(72)).top).toBeLessThan(place(note(60)).top);
    const bd = place(note(null, 'bd'));
    const hh = place(note(null, 'hh'));
    expect(bd.top).toBeGreaterThanOrEqual(place(note(60)).top + place(note(60)).height);
    expect(hh.top).toBeGreaterThan(bd.top);
    expect(hh.top + hh.height).toBeCloseTo(1);
  });
});

describe('AI call badges', () => {
  const code = 'note("c4 e4").continue()';
  const call = (evaluation: number, state: AiCallStatus['state']): AiCallStatus => ({
    callId: 0,
    evaluation,
    fn: 'continue',
    from: code.indexOf('.continue'),
    to: code.length,
    state,
  });
  /** The badges shown after these statuses arrive, as `evaluation:state`. */
  function badges(...statuses: AiCallStatus[]): string[] {
    let state = EditorState.create({ doc: code, extensions: aiStatus({ onStatus: () => () => undefined }) });
    for (const status of statuses) state = state.update({ effects: setStatus.of({ status, pos: status.to }) }).state;
    const shown: string[] = [];
    for (const source of state.facet(EditorView.decorations)) {
      if (typeof source === 'function') continue;
      for (let cursor = source.iter(); cursor.value; cursor.next()) {
        const { status } = cursor.value.spec.widget as { status: AiCallStatus };
        shown.push(`${status.evaluation}:${status.state}`);
      }
    }
    return shown;
  }

  it("shows the latest evaluation's calls", () => {
    expect(badges(call(1, 'pending'))).toEqual(['1:pending']);
    expect(badges(call(1, 'pending'), call(1, 'ready'))).toEqual(['1:ready']);
    expect(badges(call(1, 'pending'), call(2, 'pending'), call(1, 'ready'))).toEqual(['2:pending']);
  });

  it('drops the badge of a call that a newer evaluation cancelled, never leaving it pending', () => {
    // evaluation 2 made no AI call: nothing replaces evaluation 1's badge but its cancellation
    expect(badges(call(1, 'pending'), call(1, 'cancelled'))).toEqual([]);
    expect(badges(call(1, 'pending'), call(2, 'pending'), call(1, 'cancelled'))).toEqual(['2:pending']);
  });
});

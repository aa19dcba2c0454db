/** The editor's sliders as state (no DOM): placing, moving (the number in the code), following edits. */
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { moveSlider, showSliders, sliderField, sliderText } from '../src/editor/sliders.ts';

const code = 'note("c3").lpf(slider(800, 200, 4000)).gain(slider(0.5))';

function withSliders(): EditorState {
  const state = EditorState.create({ doc: code, extensions: [sliderField] });
  const cutoff = code.indexOf('800');
  const gain = code.indexOf('0.5');
  return state.update({
    effects: showSliders.of([
      { id: `slider_${cutoff}`, from: cutoff, to: cutoff + 3, value: 800, min: 200, max: 4000 },
      { id: `slider_${gain}`, from: gain, to: gain + 3, value: 0.5, min: 0, max: 1 },
    ]),
  }).state;
}

describe('editor sliders', () => {
  it('writes as many decimals as the step needs', () => {
    expect(sliderText({ min: 200, max: 4000 }, 1234.5678)).toBe('1235'); // step 3.8
    expect(sliderText({ min: 0, max: 1 }, 0.123456)).toBe('0.123'); // step 0.001
    expect(sliderText({ min: 0, max: 10, step: 0.5 }, 2.5)).toBe('2.5');
  });

  it('rewrites its number when moved, and keeps its place through edits before it', () => {
    let state = withSliders();
    const cutoff = `slider_${code.indexOf('800')}`;
    state = state.update(moveSlider(state, cutoff, 1234.5678)!).state;
    expect(state.doc.toString()).toBe('note("c3").lpf(slider(1235, 200, 4000)).gain(slider(0.5))');
    state = state.update({ changes: { from: 0, insert: '// bass\n' } }).state;
    state = state.update(moveSlider(state, cutoff, 300)!).state;
    state = state.update(moveSlider(state, `slider_${code.indexOf('0.5')}`, 0.25)!).state;
    expect(state.doc.toString()).toBe('// bass\nnote("c3").lpf(slider(300, 200, 4000)).gain(slider(0.25))');
  });

  it('drops a slider whose number was deleted', () => {
    let state = withSliders();
    const from = code.indexOf('800');
    state = state.update({ changes: { from, to: from + 3 } }).state;
    expect(state.field(sliderField).map((slider) => slider.value)).toEqual([0.5]);
    expect(moveSlider(state, `slider_${from}`, 300)).toBeNull();
  });
});

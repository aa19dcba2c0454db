/**
 * Sliders for the code's `slider(value, min, max, step)` calls, as on strudel.cc: a range input
 * in front of each value. Moving it rewrites the number in the code and moves the playing
 * pattern's value at once (runtime/sliders.ts), without evaluating again. The sliders of the
 * last good evaluation stay; positions follow the edits made since.
 */
import { Facet, StateEffect, StateField, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { SliderPlace } from '../runtime/sliders.ts';
import { mapPosition } from './code-versions.ts';

export const SLIDER_CLASS = 'motif-slider';

/** A slider where its value's text is now in the document. */
interface PlacedSlider extends SliderPlace {
  /** Set when the range input moved it, so a re-render keeps the handle where the user left it. */
  moved?: number;
}

/** Where a moved slider's value goes: the player (which passes it on to the playing code). */
const sliderTarget = Facet.define<(id: string, value: number) => void, ((id: string, value: number) => void) | null>({
  combine: (targets) => targets[0] ?? null,
});

/** Replaces the sliders (positions already in the current document). */
export const showSliders = StateEffect.define<SliderPlace[]>();
const sliderMoved = StateEffect.define<{ id: string; value: number }>();

export const sliderField = StateField.define<PlacedSlider[]>({
  create: () => [],
  update(sliders, transaction) {
    let next = sliders;
    if (transaction.docChanged) {
      const moving = transaction.effects.find((effect) => effect.is(sliderMoved))?.value as { id: string } | undefined;
      next = next
        .map((slider) => {
          if (slider.id === moving?.id) {
            const from = transaction.changes.mapPos(slider.from, -1);
            return { ...slider, from, to: transaction.changes.mapPos(slider.to, 1) };
          }
          return { ...slider, from: transaction.changes.mapPos(slider.from, 1), to: transaction.changes.mapPos(slider.to, -1) };
        })
        .filter((slider) => slider.to > slider.from);
    }
    for (const effect of transaction.effects) {
      if (effect.is(showSliders)) next = effect.value.map((place) => ({ ...place }));
      if (effect.is(sliderMoved)) next = next.map((slider) => (slider.id === effect.value.id ? { ...slider, moved: effect.value.value } : slider));
    }
    return next;
  },
});

/** The evaluated code's sliders, placed in the current document (edits made while it evaluated). */
export function placeSliders(state: EditorState, places: readonly SliderPlace[]): SliderPlace[] {
  return places.flatMap((place) => {
    const from = mapPosition(state, 'playing', place.from);
    const to = mapPosition(state, 'playing', place.to);
    return from !== null && to !== null && to > from ? [{ ...place, from, to }] : [];
  });
}

/** The text a slider writes for `value`: as many decimals as its step needs. */
export function sliderText(slider: Pick<SliderPlace, 'min' | 'max' | 'step'>, value: number): string {
  const step = slider.step ?? (slider.max - slider.min) / 1000;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
  return String(Number(value.toFixed(decimals)));
}

/** The transaction that moves slider `id` to `value`: its number in the code is rewritten. Null if it is gone. */
export function moveSlider(state: EditorState, id: string, value: number): TransactionSpec | null {
  const slider = state.field(sliderField).find((candidate) => candidate.id === id);
  if (!slider) return null;
  return { changes: { from: slider.from, to: slider.to, insert: sliderText(slider, value) }, effects: sliderMoved.of({ id, value }) };
}

class SliderWidget extends WidgetType {
  constructor(readonly slider: PlacedSlider) {
    super();
  }
  // The same slider keeps its DOM while its number changes, so a drag is never interrupted.
  override eq(other: SliderWidget): boolean {
    return other.slider.id === this.slider.id && other.slider.min === this.slider.min && other.slider.max === this.slider.max && other.slider.step === this.slider.step;
  }
  toDOM(view: EditorView): HTMLElement {
    const { id, min, max, step } = this.slider;
    const input = document.createElement('input');
    input.type = 'range';
    input.className = SLIDER_CLASS;
    input.min = String(min);
    input.max = String(max);
    input.step = String(step ?? (max - min) / 1000);
    input.value = String(this.slider.moved ?? this.slider.value);
    input.setAttribute('aria-label', `slider from ${min} to ${max}`);
    input.addEventListener('input', () => {
      const value = Number(input.value);
      const spec = moveSlider(view.state, id, value);
      if (!spec) return;
      view.dispatch(spec);
      view.state.facet(sliderTarget)?.(id, Number(sliderText(this.slider, value)));
    });
    return input;
  }
  override ignoreEvent(): boolean {
    return true; // the range input handles its own pointer and keys
  }
}

const decorations = EditorView.decorations.compute([sliderField], (state): DecorationSet =>
  Decoration.set(state.field(sliderField).map((slider) => Decoration.widget({ widget: new SliderWidget(slider), side: -1 }).range(slider.from)), true),
);

const sliderTheme = EditorView.baseTheme({
  [`.${SLIDER_CLASS}`]: { width: '80px', height: '1em', margin: '0 4px 0 0', verticalAlign: 'middle', cursor: 'ew-resize' },
});

/** `setValue`: moves the playing code's slider (the player's `setSlider`). */
export function sliders(setValue: (id: string, value: number) => void): Extension {
  return [sliderTarget.of(setValue), sliderField, decorations, sliderTheme];
}

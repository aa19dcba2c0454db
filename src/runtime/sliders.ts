/**
 * `slider(value, min, max, step)`, as on strudel.cc: a number the editor shows as a slider next
 * to the code. Strudel's transpiler rewrites each call to `sliderWithID(id, value, …)`, the id
 * being the offset of its value in the code. The pattern reads the slider's current value
 * whenever it is queried, so moving the slider changes the music without evaluating again. Pure:
 * the values live here; the editor moves them (`setSliderValue`).
 */
import { ref, type Pattern } from '@strudel/core';

const values = new Map<string, number>();

/** Where a slider sits in the evaluated code, and its range. */
export interface SliderPlace {
  id: string;
  /** Offsets of the value's text in the code. */
  from: number;
  to: number;
  value: number;
  min: number;
  max: number;
  step?: number;
}

/** The scope's `sliderWithID`: the value as written at evaluation, then as the slider moves. */
export function sliderPattern(id: unknown, value: unknown): Pattern {
  const start = Number(value);
  const key = String(id);
  values.set(key, start);
  return ref(() => values.get(key) ?? start) as Pattern;
}

/** Moves a slider: patterns that read it get `value` from their next query on. */
export function setSliderValue(id: string, value: number): void {
  if (values.has(id)) values.set(id, value);
}

interface TranspilerWidget {
  type: string;
  from?: number;
  to?: number;
  value?: unknown;
  min?: unknown;
  max?: unknown;
  step?: unknown;
}

/** The sliders among the transpiler's widgets (ids as its `sliderWithID` calls use them). */
export function sliderPlaces(widgets: readonly TranspilerWidget[]): SliderPlace[] {
  return widgets
    .filter((widget) => widget.type === 'slider' && typeof widget.from === 'number' && typeof widget.to === 'number')
    .map((widget) => ({
      id: `slider_${widget.from}`,
      from: widget.from!,
      to: widget.to!,
      value: Number(widget.value),
      min: Number(widget.min ?? 0),
      max: Number(widget.max ?? 1),
      ...(widget.step === undefined ? {} : { step: Number(widget.step) }),
    }))
    .filter((place) => Number.isFinite(place.value) && place.max > place.min);
}

/**
 * strudel.cc's visual methods (`.pianoroll()`, `._punchcard()`, `.scope()`, …) draw the pattern
 * or the sound; they never change events. Tunes often end with one, so Motif accepts them all:
 * each returns its pattern unchanged. The editor's pianoroll already shows every pattern, so the
 * pianoroll and punchcard forms pass silently; the others are noted once per evaluation, as
 * visuals Motif does not draw.
 */
import { Pattern } from '@strudel/core';

/** Drawn by Motif's pianoroll panel, whatever the options. */
const SHOWN = ['pianoroll', 'punchcard', '_pianoroll', '_punchcard', 'wordfall'] as const;
/** Not drawn by Motif. */
const NOT_DRAWN = ['spiral', '_spiral', 'pitchwheel', '_pitchwheel', 'scope', '_scope', 'tscope', '_tscope', 'fscope', '_fscope', 'spectrum', '_spectrum', 'draw', 'onPaint', 'animate'] as const;

/** The inline forms (strudel.cc draws them inside the code): public despite their `_`. */
export const INLINE_VISUALS: ReadonlySet<string> = new Set([...SHOWN, ...NOT_DRAWN].filter((name) => name.startsWith('_')));

const notDrawn: ReadonlySet<string> = new Set(NOT_DRAWN);

type Recorder = (name: string) => void;
let record: Recorder | null = null;

/** Installs the pass-through methods (again, in case a Strudel package replaced them with drawing ones). */
export function installVisualMethods(): void {
  const proto = Pattern.prototype as unknown as Record<string, unknown>;
  for (const name of [...SHOWN, ...NOT_DRAWN]) {
    proto[name] = function (this: Pattern): Pattern {
      record?.(name);
      return this;
    };
  }
}

/** Runs `body` with the visual methods installed; returns its value and a note per visual it used that Motif does not draw. */
export async function withVisuals<T>(body: () => Promise<T>): Promise<{ value: T; notes: string[] }> {
  const used = new Set<string>();
  const previous = record;
  record = (name) => used.add(name);
  try {
    const value = await body();
    const notes = [...used].filter((name) => notDrawn.has(name)).map((name) => `.${name}() draws on strudel.cc; Motif does not draw it (the music is the same)`);
    return { value, notes };
  } finally {
    record = previous;
  }
}

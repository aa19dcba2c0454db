/**
 * Figures of a resolved `.continue()` as a listener hears it (test helper): its bars as notes
 * (onset and end within the bar, MIDI pitch), whether a generated bar copies a prompt bar, and
 * the share of generated notes in a scale.
 */
import type { Pattern } from '@strudel/core';
import { Note, Scale } from '@tonaljs/tonal';
import { pitchOf } from '../src/ai/transformers/prompt.ts';

export interface BarNote {
  begin: number;
  end: number;
  pitch: number;
}

/** The pitched notes starting in each cycle of [from, to), times relative to their cycle. */
export function barsOf(pattern: Pattern, from: number, to: number): BarNote[][] {
  const bars: BarNote[][] = Array.from({ length: to - from }, () => []);
  for (const hap of pattern.queryArc(from, to)) {
    if (!hap.hasOnset()) continue;
    const pitch = pitchOf(hap.value);
    if (pitch === null) continue;
    const cycle = Math.floor(hap.whole!.begin.valueOf());
    bars[cycle - from]?.push({ begin: hap.whole!.begin.valueOf() - cycle, end: hap.whole!.end.valueOf() - cycle, pitch });
  }
  return bars.map((bar) => bar.sort((a, b) => a.begin - b.begin || a.pitch - b.pitch));
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** 'exact' (same notes, same rhythm), 'transposed' (same rhythm and intervals, moved) or null. */
export function copyKind(promptBars: BarNote[][], bar: BarNote[]): 'exact' | 'transposed' | null {
  if (bar.length === 0) return null;
  let kind: 'exact' | 'transposed' | null = null;
  for (const prompt of promptBars) {
    if (prompt.length !== bar.length) continue;
    if (!prompt.every((n, i) => near(n.begin, bar[i]!.begin) && near(n.end, bar[i]!.end))) continue;
    const shift = bar[0]!.pitch - prompt[0]!.pitch;
    if (!prompt.every((n, i) => bar[i]!.pitch - n.pitch === shift)) continue;
    if (shift === 0) return 'exact';
    kind = 'transposed';
  }
  return kind;
}

/** Pitch classes of a scale written as in Strudel ("C:minor", "D:harmonic minor"). */
export function scaleClasses(name: string): Set<number> {
  const scale = Scale.get(name.replace(':', ' '));
  if (scale.empty) throw new Error(`unknown scale ${name}`);
  return new Set(scale.notes.map((note) => Note.chroma(note)!));
}

export interface ContinuationTally {
  bars: number;
  exact: number;
  transposed: number;
  notes: number;
  inScale: number;
}

export const emptyTally = (): ContinuationTally => ({ bars: 0, exact: 0, transposed: 0, notes: 0, inScale: 0 });

/** Adds the generated bars (cycles prompt … prompt + cycles) of an append-mode continuation. */
export function tallyContinuation(into: ContinuationTally, pattern: Pattern, promptCycles: number, cycles: number, scale: Set<number>): void {
  const promptBars = barsOf(pattern, 0, promptCycles);
  for (const bar of barsOf(pattern, promptCycles, promptCycles + cycles)) {
    into.bars++;
    const kind = copyKind(promptBars, bar);
    if (kind === 'exact') into.exact++;
    if (kind === 'transposed') into.transposed++;
    for (const note of bar) {
      into.notes++;
      if (scale.has(((note.pitch % 12) + 12) % 12)) into.inScale++;
    }
  }
}

/**
 * A pianoroll of the running pattern on a canvas: a window of cycles scrolling past a fixed
 * playhead, pitched notes on rows, drum sounds on lanes, one colour per layer.
 */
import { rollPlacer, type RollNote } from './pianoroll-layout.ts';

const CYCLES_BEFORE = 1;
const CYCLES_AFTER = 3;
const LAYER_COLOURS = ['#7dd3fc', '#f0a86b', '#a5d6a7', '#c792ea', '#ffcb6b', '#82aaff', '#f87171'];

/** The running layers' notes in [begin, end) (the player's `rollNotes`). */
export type RollSource = (begin: number, end: number) => RollNote[];

export class Pianoroll {
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly notesIn: RollSource,
  ) {}

  /** Draws the window around `cycle`; `cycle` null draws an idle roll. */
  draw(cycle: number | null): void {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    const g = canvas.getContext('2d');
    if (!g) return;
    g.fillStyle = '#0b0d11';
    g.fillRect(0, 0, width, height);
    if (cycle === null) return;

    const begin = cycle - CYCLES_BEFORE;
    const end = cycle + CYCLES_AFTER;
    const notes = this.notesIn(begin, end);
    const place = rollPlacer(notes);
    const x = (time: number) => ((time - begin) / (end - begin)) * width;

    g.strokeStyle = '#ffffff10';
    for (let c = Math.ceil(begin); c <= end; c++) {
      g.beginPath();
      g.moveTo(x(c), 0);
      g.lineTo(x(c), height);
      g.stroke();
    }
    for (const note of notes) {
      const sounding = note.begin <= cycle && cycle < note.end;
      g.fillStyle = LAYER_COLOURS[note.layer % LAYER_COLOURS.length]!;
      g.globalAlpha = sounding ? 1 : note.end < cycle ? 0.35 : 0.7;
      const left = x(note.begin);
      const { top, height: barHeight } = place(note);
      g.fillRect(left, top * height + 1, Math.max(2, x(note.end) - left - 1), Math.max(2, barHeight * height - 2));
    }
    g.globalAlpha = 1;
    g.fillStyle = '#facc15';
    g.fillRect(x(cycle) - ratio / 2, 0, ratio, height);
  }
}

/**
 * The render quantum for an offline render. Chromium (≥ 13x) takes a `renderSizeHint` and renders
 * in larger blocks, which cuts its per-node overhead (the 16-voice bench piece: ≈1.5× faster at
 * 1024 frames). But superdough's AudioWorklets assume 128-frame blocks, k-rate parameters move once
 * a block, and a feedback delay cannot be shorter than a block; so the large quantum is used only
 * when every note keeps to native nodes with fixed parameters: the sounds and controls below. Pure.
 */
import { DRUM_NAMES } from '../audio/drums/kit.ts';
import { soundName } from '../audio/sound-name.ts';

export const DEFAULT_RENDER_QUANTUM = 128;
export const LARGE_RENDER_QUANTUM = 1024;

/** Oscillators, noise buffers and the drum kit's samples (played at a fixed rate). */
const NATIVE_SOUNDS: ReadonlySet<string> = new Set(['sine', 'square', 'sawtooth', 'triangle', 'white', 'pink', 'brown', 'noise', ...DRUM_NAMES]);

/** Controls that only set native nodes' fixed values or a gain envelope (a-rate), or the reverb (a convolver). */
const NATIVE_CONTROLS: ReadonlySet<string> = new Set([
  's',
  'n',
  'note',
  'freq',
  'gain',
  'velocity',
  'postgain',
  'duration',
  'attack',
  'decay',
  'sustain',
  'release',
  'cutoff',
  'resonance',
  'hcutoff',
  'hresonance',
  'bandf',
  'bandq',
  'pan',
  'orbit',
  'room',
  'roomsize',
]);

export function renderQuantumFor(values: Iterable<Record<string, unknown>>): number {
  for (const value of values) {
    if (!NATIVE_SOUNDS.has(soundName(value))) return DEFAULT_RENDER_QUANTUM;
    for (const key of Object.keys(value)) if (!NATIVE_CONTROLS.has(key)) return DEFAULT_RENDER_QUANTUM;
  }
  return LARGE_RENDER_QUANTUM;
}

/**
 * Whether a chunk's notes may be scheduled while the render plays the chunk before, on the other
 * core, instead of while it waits (≈12% faster on the bench piece). Safe when nothing a note sets
 * up changes a node the render is already playing: each native voice builds and automates its own
 * nodes before connecting them. The shared reverb is the exception: superdough sets its impulse
 * when an impulse render of its own completes, which would land at a moment that varies from run
 * to run if it replaced an impulse already sounding. So: the large quantum's sounds and controls,
 * and one reverb size per orbit (its impulse is then set once, before the first note reaches it).
 */
export function overlapsScheduling(values: Iterable<Record<string, unknown>>): boolean {
  const list = [...values];
  if (renderQuantumFor(list) !== LARGE_RENDER_QUANTUM) return false;
  const reverbSizes = new Map<unknown, unknown>();
  for (const value of list) {
    if (value.room === undefined) continue;
    const orbit = value.orbit ?? 1;
    if (reverbSizes.has(orbit) && reverbSizes.get(orbit) !== value.roomsize) return false;
    reverbSizes.set(orbit, value.roomsize);
  }
  return true;
}

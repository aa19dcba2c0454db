/**
 * The render quantum for an offline render. Chromium (≥ 13x) takes a `renderSizeHint` and renders
 * in larger blocks, which cuts its per-node overhead (the 16-voice bench piece: ≈1.5× faster at
 * 1024 frames). But superdough's AudioWorklets assume 128-frame blocks, k-rate parameters move once
 * a block, and a feedback delay cannot be shorter than a block; so the large quantum is used only
 * when every note keeps to native nodes with a-rate or fixed parameters: the sounds and controls
 * below. Each control here was rendered at both quanta (test/render.test.ts keeps a piece with them
 * all): fixed values agree to 1 LSB; envelopes (ADSR, filter envelopes, clip) to within about
 * 20 LSB (−64 dBFS), as Chromium steps its ramps across larger blocks. Left out because they
 * differ audibly: vowel, fm, vib, penv, tremolo, phaser, delay, and every worklet effect. Pure.
 */
import { DRUM_NAMES } from '../audio/drums/kit.ts';
import { bankFallback, soundName } from '../audio/sound-name.ts';

export const DEFAULT_RENDER_QUANTUM = 128;
export const LARGE_RENDER_QUANTUM = 1024;

/** Oscillators, noise buffers and the drum kit's samples. */
const NATIVE_SOUNDS: ReadonlySet<string> = new Set(['sine', 'square', 'sawtooth', 'triangle', 'white', 'pink', 'brown', 'noise', ...DRUM_NAMES]);

const filterEnvelope = (prefix: string) => ['env', 'attack', 'decay', 'sustain', 'release'].map((part) => prefix + part);

/** Controls that set native nodes' fixed values or a-rate envelopes, or the reverb (a convolver). */
const NATIVE_CONTROLS: ReadonlySet<string> = new Set([
  's',
  'bank', // renders load no banks: the kit's drums play (src/audio/sound-name.ts)
  'n',
  'note',
  'freq',
  'gain',
  'velocity',
  'postgain',
  'duration',
  'clip',
  'attack',
  'decay',
  'sustain',
  'release',
  'noise',
  'speed',
  'begin',
  'end',
  'cut',
  'cutoff',
  'resonance',
  'hcutoff',
  'hresonance',
  'bandf',
  'bandq',
  ...filterEnvelope('lp'),
  ...filterEnvelope('hp'),
  ...filterEnvelope('bp'),
  'fanchor',
  'ftype',
  'pan',
  'orbit',
  'dry',
  'room',
  'roomsize',
]);

/** superdough's filter models by number; 'ladder' is an AudioWorklet. */
const FILTER_MODELS = ['12db', 'ladder', '24db'];

function isNativeControl(key: string, value: unknown): boolean {
  if (!NATIVE_CONTROLS.has(key)) return false;
  if (key !== 'ftype') return true;
  const model = typeof value === 'number' ? FILTER_MODELS[((Math.floor(value) % 3) + 3) % 3] : value;
  return model === '12db' || model === '24db';
}

export function renderQuantumFor(values: Iterable<Record<string, unknown>>): number {
  for (const value of values) {
    const played = bankFallback(value, (sound) => NATIVE_SOUNDS.has(sound))?.value ?? value;
    if (!NATIVE_SOUNDS.has(soundName(played))) return DEFAULT_RENDER_QUANTUM;
    for (const [key, control] of Object.entries(value)) if (!isNativeControl(key, control)) return DEFAULT_RENDER_QUANTUM;
  }
  return LARGE_RENDER_QUANTUM;
}

/**
 * Whether a chunk's notes may be scheduled while the render plays the chunk before, on the other
 * core, instead of while it waits (≈12% faster on the bench piece). Safe when nothing a note sets
 * up changes a node the render is already playing: each native voice builds and automates its own
 * nodes before connecting them. Two exceptions: a sample with `cut` fades out the voice before it
 * in its group, a voice already playing; and superdough sets the shared reverb's impulse when an
 * impulse render of its own completes, which would land at a moment that varies from run to run
 * if it replaced an impulse already sounding. So: the large quantum's sounds and controls, no
 * `cut`, and one reverb size per orbit (its impulse is then set once, before a note reaches it).
 */
export function overlapsScheduling(values: Iterable<Record<string, unknown>>): boolean {
  const list = [...values];
  if (renderQuantumFor(list) !== LARGE_RENDER_QUANTUM) return false;
  const reverbSizes = new Map<unknown, unknown>();
  for (const value of list) {
    if (value.cut !== undefined) return false;
    if (value.room === undefined) continue;
    const orbit = value.orbit ?? 1;
    if (reverbSizes.has(orbit) && reverbSizes.get(orbit) !== value.roomsize) return false;
    reverbSizes.set(orbit, value.roomsize);
  }
  return true;
}

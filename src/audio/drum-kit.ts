/**
 * Registers the procedural drum kit (drums/kit.ts) with superdough through its own sample
 * mechanism: each hit is encoded as a WAV in a blob: URL, registered with `samples()` and decoded
 * up front, so `s("bd sd")` and `n` variations play from the first event, offline.
 */
import { loadBuffer, samples } from 'superdough';
import { DRUM_NAMES, drumVariations, synthesizeDrum, type DrumSelection } from './drums/kit.ts';
import { encodeWav } from './drums/wav.ts';

let registered: Promise<void> | null = null;
let registeredFor: BaseAudioContext | null = null;

/**
 * Registers the whole kit once per context, or only `selection`: variations left out point at one
 * shared silent sample, so `n` still picks the same sound as with the whole kit.
 */
export function registerDrumKit(context: BaseAudioContext, selection?: DrumSelection): Promise<void> {
  if (selection) return register(context, selection);
  if (registered && registeredFor === context) return registered;
  registeredFor = context;
  registered = register(context);
  return registered;
}

async function register(context: BaseAudioContext, selection?: DrumSelection): Promise<void> {
  const blobUrl = (sound: Float32Array) => URL.createObjectURL(new Blob([encodeWav(sound, context.sampleRate)], { type: 'audio/wav' }));
  let silent: string | null = null;
  const map: Record<string, string[]> = {};
  const urls: string[] = [];
  for (const name of DRUM_NAMES) {
    const wanted = selection ? new Set(selection[name] ?? []) : null;
    if (wanted?.size === 0) continue;
    map[name] = [];
    for (let n = 0; n < drumVariations(name); n++) {
      if (wanted && !wanted.has(n)) {
        map[name].push((silent ??= blobUrl(new Float32Array(128))));
        continue;
      }
      const url = blobUrl(synthesizeDrum(name, n, context.sampleRate));
      map[name].push(url);
      urls.push(url);
    }
  }
  if (urls.length === 0) return;
  await samples(map, '', { prebake: true, tag: 'motif' });
  await Promise.all(urls.map((url) => loadBuffer(url, context)));
}

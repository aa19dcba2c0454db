/**
 * Registers the procedural drum kit (drums/kit.ts) with superdough through its own sample
 * mechanism: each hit is encoded as a WAV in a blob: URL, registered with `samples()` and decoded
 * up front, so `s("bd sd")` and `n` variations play from the first event, offline.
 */
import { loadBuffer, samples } from 'superdough';
import { DRUM_NAMES, drumVariations, synthesizeDrum } from './drums/kit.ts';
import { encodeWav } from './drums/wav.ts';

let registered: Promise<void> | null = null;
let registeredFor: BaseAudioContext | null = null;

export function registerDrumKit(context: BaseAudioContext): Promise<void> {
  if (registered && registeredFor === context) return registered;
  registeredFor = context;
  registered = register(context);
  return registered;
}

async function register(context: BaseAudioContext): Promise<void> {
  const map: Record<string, string[]> = {};
  const urls: string[] = [];
  for (const name of DRUM_NAMES) {
    map[name] = [];
    for (let n = 0; n < drumVariations(name); n++) {
      const wav = encodeWav(synthesizeDrum(name, n, context.sampleRate), context.sampleRate);
      const url = URL.createObjectURL(new Blob([wav], { type: 'audio/wav' }));
      map[name].push(url);
      urls.push(url);
    }
  }
  await samples(map, '', { prebake: true, tag: 'motif' });
  await Promise.all(urls.map((url) => loadBuffer(url, context)));
}

/**
 * Which drum sounds and variations a render's events play, so the render page synthesizes only
 * those (the whole kit costs ≈0.5 s a render). Resolves names and `n` as superdough does: the
 * sound's name (bank prefix, lower case; a bank the render lacks falls back to the kit), then `n`
 * rounded, a non-number read as 0, wrapped around the drum's variations. Pure.
 */
import { DRUM_NAMES, drumVariations, type DrumName, type DrumSelection } from '../audio/drums/kit.ts';
import { bankFallback, soundName } from '../audio/sound-name.ts';

const DRUMS: ReadonlySet<string> = new Set(DRUM_NAMES);

function variationIndex(n: unknown, count: number): number {
  const number = Number(n ?? 0);
  const rounded = Number.isNaN(number) ? 0 : Math.round(number);
  return ((rounded % count) + count) % count;
}

/** Drum name → the variations used, ascending. Drums no event plays are absent. */
export function drumsUsed(values: Iterable<Record<string, unknown>>): DrumSelection {
  const used = new Map<DrumName, Set<number>>();
  for (const value of values) {
    // Renders load no sample banks: a banked kit name plays the kit's drum (src/audio/engine.ts).
    const name = soundName(bankFallback(value, (sound) => DRUMS.has(sound))?.value ?? value);
    if (!DRUMS.has(name)) continue;
    const drum = name as DrumName;
    let variations = used.get(drum);
    if (!variations) used.set(drum, (variations = new Set()));
    variations.add(variationIndex(value.n, drumVariations(drum)));
  }
  const selection: DrumSelection = {};
  for (const drum of DRUM_NAMES) {
    const variations = used.get(drum);
    if (variations) selection[drum] = [...variations].sort((a, b) => a - b);
  }
  return selection;
}

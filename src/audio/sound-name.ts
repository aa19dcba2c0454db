/** Which registered sound an event asks for, the way superdough resolves it. Pure. */
export function soundName(value: Record<string, unknown>): string {
  const s = typeof value.s === 'string' ? value.s : 'triangle';
  const bank = typeof value.bank === 'string' ? value.bank : null;
  return (bank ? `${bank}_${s}` : s).toLowerCase();
}

/** superdough's rests: events with these sounds play nothing. */
export function isRest(name: string): boolean {
  return name === '-' || name === '~' || name === '_';
}

/**
 * The sound an event plays when its `.bank(…)` is not loaded. Tunes from strudel.cc often pick a
 * drum machine with `.bank("RolandTR909")`, whose samples come from the network there. When that
 * bank is missing but the plain name is loaded (Motif's built-in kit has `bd`, `sd`, `hh`, …),
 * the event plays the plain sound, so the rhythm stays; the caller warns once, naming the bank.
 * Returns null when the bank is loaded, absent, or the plain sound is missing too. Pure.
 */
export function bankFallback(value: Record<string, unknown>, isLoaded: (name: string) => boolean): { bank: string; value: Record<string, unknown> } | null {
  if (typeof value.bank !== 'string' || isLoaded(soundName(value))) return null;
  const { bank, ...plain } = value;
  return isLoaded(soundName(plain)) ? { bank, value: plain } : null;
}

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

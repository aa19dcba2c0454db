/**
 * Drum sound names (as in `s("bd sd hh")`, the names of Motif's offline kit) and their General
 * MIDI percussion keys, played on channel 10.
 */
export const GM_DRUM_CHANNEL = 9; // 0-based: channel 10

const drumKeys: Record<string, number> = {
  bd: 36, // Bass Drum 1
  rim: 37, // Side Stick
  sd: 38, // Acoustic Snare
  cp: 39, // Hand Clap
  hh: 42, // Closed Hi-Hat
  lt: 45, // Low Tom
  oh: 46, // Open Hi-Hat
  mt: 47, // Low-Mid Tom
  cr: 49, // Crash Cymbal 1
  ht: 50, // High Tom
  rd: 51, // Ride Cymbal 1
};

/** Other GM keys that read back as the nearest kit name. */
const aliases: Record<number, string> = {
  35: 'bd',
  40: 'sd',
  41: 'lt',
  43: 'lt',
  44: 'hh',
  48: 'mt',
  52: 'cr',
  53: 'rd',
  55: 'cr',
  57: 'cr',
  59: 'rd',
};

/** The GM key for a drum name, or null when the name is not a kit drum. */
export function drumKey(name: string): number | null {
  return drumKeys[name.toLowerCase()] ?? null;
}

/** The kit name for a GM percussion key, or null when the kit has nothing like it. */
export function drumName(key: number): string | null {
  for (const [name, value] of Object.entries(drumKeys)) if (value === key) return name;
  return aliases[key] ?? null;
}

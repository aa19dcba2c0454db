/** The Nottingham split used by Motif: SHA-1 of the MIDI file name as a hex integer, mod 10. */
import { createHash } from 'node:crypto';

export type SplitName = 'train' | 'valid' | 'test';

/** 0-7 train, 8 valid, 9 test (848 / 97 / 89 Nottingham tunes). */
export function splitOf(fileName: string): SplitName {
  const digest = createHash('sha1').update(fileName).digest('hex');
  const bucket = Number(BigInt(`0x${digest}`) % 10n);
  return bucket <= 7 ? 'train' : bucket === 8 ? 'valid' : 'test';
}

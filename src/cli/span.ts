/** `--cycles` values: `4` means cycles 0 to 4, `2:6` means cycles 2 to 6; fractions allowed (`1/2:3`). */
import { USAGE, UserError } from './errors.ts';

/** The longest span a command reads (at the default tempo, about 55 hours of music). */
export const MAX_SPAN_CYCLES = 100_000;

export interface CycleSpan {
  begin: number;
  end: number;
}

function cycleNumber(text: string): number | null {
  const fraction = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  if (!/^-?\d+(?:\.\d+)?$/.test(text.trim())) return null;
  return Number(text);
}

export function parseCycles(command: string, text: string): CycleSpan {
  const parts = text.split(':');
  const numbers = parts.map(cycleNumber);
  const bad = () => new UserError(`motif ${command}: --cycles expects N or A:B (e.g. 4 or 0:4), got "${text}"`, USAGE);
  if (parts.length > 2 || numbers.some((n) => n === null)) throw bad();
  const [begin, end] = parts.length === 1 ? [0, numbers[0]!] : [numbers[0]!, numbers[1]!];
  if (!(end! > begin!)) throw bad();
  if (Math.abs(begin!) > 1e9 || Math.abs(end!) > 1e9 || end! - begin! > MAX_SPAN_CYCLES) {
    throw new UserError(`motif ${command}: --cycles ${text} spans ${end! - begin!} cycles; a command reads at most ${MAX_SPAN_CYCLES}`, USAGE);
  }
  return { begin: begin!, end: end! };
}

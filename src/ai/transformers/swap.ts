/**
 * The pattern a transformer returns at once: it plays the source until its result is ready, then
 * the result from the swap cycle on (a cycle boundary, so a bar is never cut in two).
 */
import { Fraction, Pattern, TimeSpan, type Hap, type State } from '@strudel/core';

export class SwapSlot {
  private result: { pattern: Pattern; swapAt: number } | null = null;

  /** Installs the result; it plays from cycle `swapAt` on (-Infinity: at once). */
  fill(pattern: Pattern, swapAt: number): void {
    this.result = { pattern, swapAt };
  }

  get ready(): boolean {
    return this.result !== null;
  }

  current(): { pattern: Pattern; swapAt: number } | null {
    return this.result;
  }
}

export function swapPattern(source: Pattern, slot: SwapSlot): Pattern {
  const query = (state: State): Hap[] => {
    const result = slot.current();
    if (!result) return source.query(state);
    const { begin, end } = state.span;
    if (begin.valueOf() >= result.swapAt) return result.pattern.query(state);
    if (end.valueOf() <= result.swapAt) return source.query(state);
    const at = Fraction(result.swapAt);
    return [
      ...source.query(state.setSpan(new TimeSpan(begin, at))),
      ...result.pattern.query(state.setSpan(new TimeSpan(at, end))),
    ];
  };
  return new Pattern(query);
}

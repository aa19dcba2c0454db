/**
 * The pattern a transformer returns at once: it plays the source until its result is ready, then
 * the result from the swap cycle on (a cycle boundary, so a bar is never cut in two).
 *
 * A later transformer reading such a pattern (`a.continue().continue()`) reads it through
 * `readResolved`: it sees each result as it will play once it is in, from cycle 0 on, and learns
 * which results it ran into that are still pending, so that it can wait for them.
 */
import { Fraction, Pattern, TimeSpan, type Hap, type State } from '@strudel/core';

export class SwapSlot {
  private result: { pattern: Pattern; swapAt: number } | null = null;
  private done = false;
  private readonly whenSettled: Promise<void>;
  private finish!: () => void;

  constructor() {
    this.whenSettled = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Installs the result; it plays from cycle `swapAt` on (-Infinity: at once). */
  fill(pattern: Pattern, swapAt: number): void {
    this.result = { pattern, swapAt };
    this.settle();
  }

  /** Marks the slot as final: no result comes (any more); without one the source keeps playing. */
  settle(): void {
    this.done = true;
    this.finish();
  }

  get ready(): boolean {
    return this.result !== null;
  }

  /** Whether the slot is still waiting for its result. */
  get pending(): boolean {
    return !this.done;
  }

  /** Resolves once the slot is filled or settled without a result. */
  settled(): Promise<void> {
    return this.whenSettled;
  }

  current(): { pattern: Pattern; swapAt: number } | null {
    return this.result;
  }
}

/** While `readResolved` runs: the pending slots that its read has run into. */
let reading: Set<SwapSlot> | null = null;

/**
 * Runs `read`, a synchronous query of a pattern that may hold transformer results, as a later
 * transformer must see that pattern: each result that is in plays from cycle 0 on, whatever its
 * swap cycle. Slots still pending that the read runs into (it sees their source) are added to
 * `pending`, even when `read` throws.
 */
export function readResolved<T>(read: () => T, pending: Set<SwapSlot>): T {
  const outer = reading;
  reading = pending;
  try {
    return read();
  } finally {
    reading = outer;
  }
}

export function swapPattern(source: Pattern, slot: SwapSlot): Pattern {
  const query = (state: State): Hap[] => {
    const result = slot.current();
    if (reading) {
      if (result) return result.pattern.query(state);
      if (slot.pending) reading.add(slot);
      return source.query(state);
    }
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

/**
 * A pattern that loops a fixed list of events with a period in whole cycles (pure). Events lie in
 * [0, period); a query sees every repetition that overlaps its span, cut to the span.
 */
import { Fraction, Hap, Pattern, TimeSpan, type FractionValue, type HapContext, type HapValue, type State } from '@strudel/core';

export interface LoopEvent {
  begin: FractionValue;
  end: FractionValue;
  value: HapValue;
  context: HapContext;
}

const max = (a: FractionValue, b: FractionValue): FractionValue => (a.gt(b) ? a : b);
const min = (a: FractionValue, b: FractionValue): FractionValue => (a.lt(b) ? a : b);

export function loopPattern(events: readonly LoopEvent[], period: number): Pattern {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`loop period must be a positive integer, got ${period}`);
  const query = (state: State): Hap[] => {
    const { begin, end } = state.span;
    const zeroWidth = begin.eq(end);
    const haps: Hap[] = [];
    const first = Math.floor(begin.valueOf() / period);
    const last = zeroWidth ? first : Math.ceil(end.valueOf() / period) - 1;
    for (let k = first; k <= last; k++) {
      const offset = Fraction(k * period);
      for (const event of events) {
        const wholeBegin = event.begin.add(offset);
        const wholeEnd = event.end.add(offset);
        if (zeroWidth ? !(wholeBegin.lte(begin) && wholeEnd.gt(begin)) : !(wholeBegin.lt(end) && wholeEnd.gt(begin))) continue;
        const part = zeroWidth ? new TimeSpan(begin, end) : new TimeSpan(max(wholeBegin, begin), min(wholeEnd, end));
        haps.push(new Hap(new TimeSpan(wholeBegin, wholeEnd), part, event.value, event.context));
      }
    }
    return haps;
  };
  return new Pattern(query);
}

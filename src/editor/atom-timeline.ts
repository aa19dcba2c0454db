/**
 * Which atoms sound when: a list of scheduled events, each with its character ranges in the code
 * that made it, its cycle (which tells that code's version) and its start and end on the audio
 * clock (seconds). Pure: the caller supplies the clock reading.
 */
export interface SourceRange {
  start: number;
  end: number;
}

/** A range in the code that produced the event starting at `cycle`. */
export interface CycleRange extends SourceRange {
  cycle: number;
}

interface Scheduled {
  ranges: SourceRange[];
  cycle: number;
  startSeconds: number;
  endSeconds: number;
}

export class AtomTimeline {
  private events: Scheduled[] = [];

  add(ranges: readonly SourceRange[], cycle: number, startSeconds: number, durationSeconds: number): void {
    if (!ranges.length || !(durationSeconds > 0)) return;
    this.events.push({ ranges: [...ranges], cycle, startSeconds, endSeconds: startSeconds + durationSeconds });
  }

  /** The ranges sounding at `nowSeconds`, deduplicated; forgets events that have ended. */
  soundingAt(nowSeconds: number): CycleRange[] {
    this.events = this.events.filter((event) => event.endSeconds > nowSeconds);
    const seen = new Set<string>();
    const sounding: CycleRange[] = [];
    for (const event of this.events) {
      if (event.startSeconds > nowSeconds) continue;
      for (const range of event.ranges) {
        const key = `${event.cycle}:${range.start}:${range.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sounding.push({ start: range.start, end: range.end, cycle: event.cycle });
      }
    }
    return sounding;
  }

  /** How many events are waiting or sounding. */
  get size(): number {
    return this.events.length;
  }

  clear(): void {
    this.events = [];
  }
}

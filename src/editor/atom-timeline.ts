/**
 * Which atoms sound when: a list of scheduled events, each with its character ranges in the
 * playing code and its start and end on the audio clock (seconds). Pure: the caller supplies the
 * clock reading.
 */
export interface SourceRange {
  start: number;
  end: number;
}

/** A range in the code of one evaluated version. */
export interface VersionedRange extends SourceRange {
  version: number;
}

interface Scheduled {
  ranges: VersionedRange[];
  startSeconds: number;
  endSeconds: number;
}

export class AtomTimeline {
  private events: Scheduled[] = [];

  add(ranges: readonly VersionedRange[], startSeconds: number, durationSeconds: number): void {
    if (!ranges.length || !(durationSeconds > 0)) return;
    this.events.push({ ranges: [...ranges], startSeconds, endSeconds: startSeconds + durationSeconds });
  }

  /** The ranges sounding at `nowSeconds`, deduplicated; forgets events that have ended. */
  soundingAt(nowSeconds: number): VersionedRange[] {
    this.events = this.events.filter((event) => event.endSeconds > nowSeconds);
    const seen = new Set<string>();
    const sounding: VersionedRange[] = [];
    for (const event of this.events) {
      if (event.startSeconds > nowSeconds) continue;
      for (const range of event.ranges) {
        const key = `${range.version}:${range.start}:${range.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sounding.push(range);
      }
    }
    return sounding.sort((a, b) => a.version - b.version || a.start - b.start || a.end - b.end);
  }

  /** How many events are waiting or sounding. */
  get size(): number {
    return this.events.length;
  }

  clear(): void {
    this.events = [];
  }
}

/** A stable key for a set of ranges, to skip redundant editor updates. */
export function rangesKey(ranges: readonly VersionedRange[]): string {
  return ranges.map((r) => `${r.version}:${r.start}:${r.end}`).join(',');
}

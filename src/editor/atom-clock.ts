/**
 * Drives the sounding-atom highlight: collects the player's events, and on every animation frame
 * compares their audio times with the audio clock, maps the sounding atoms' ranges from the code
 * version that produced them onto the current document, and updates the editor when the set changes.
 */
import type { EditorView } from '@codemirror/view';
import { setActiveAtoms } from './active-atoms.ts';
import { AtomTimeline, type SourceRange } from './atom-timeline.ts';
import { mapAtom, versionAt } from './code-versions.ts';
import type { PlayedEvent } from './player-port.ts';

interface DocRange {
  from: number;
  to: number;
}

export class AtomClock {
  private readonly timeline = new AtomTimeline();
  private frame = 0;
  private shownKey = '';

  constructor(
    private readonly view: EditorView,
    private readonly audioClock: () => number,
  ) {}

  /** Feed with the player's events. */
  readonly onEvent = (event: PlayedEvent): void => {
    const locations: SourceRange[] = event.locations;
    if (!locations.length) return;
    this.timeline.add(locations, event.cycle, event.audioTime, event.durationSeconds);
    this.start();
  };

  /** Stops highlighting and removes what is lit. */
  clear(): void {
    this.timeline.clear();
    this.show([]);
  }

  private start(): void {
    if (this.frame) return;
    const tick = () => {
      this.show(this.sounding());
      // Run while events wait or sound; the next event starts the loop again.
      this.frame = this.timeline.size ? requestAnimationFrame(tick) : 0;
    };
    this.frame = requestAnimationFrame(tick);
  }

  /**
   * The sounding atoms in the current document. The old code plays until the swap, so the event's
   * cycle picks the code version; it is resolved now, as the version is committed only once the
   * evaluation returns, which may be after the first events were scheduled.
   */
  private sounding(): DocRange[] {
    const state = this.view.state;
    const ranges = new Map<string, DocRange>();
    for (const range of this.timeline.soundingAt(this.audioClock())) {
      const version = versionAt(state, range.cycle);
      const mapped = version && mapAtom(state, version.id, range.start, range.end);
      if (mapped) ranges.set(`${mapped.from}:${mapped.to}`, mapped);
    }
    return [...ranges.values()];
  }

  private show(ranges: DocRange[]): void {
    const key = ranges
      .map((r) => `${r.from}:${r.to}`)
      .sort()
      .join(',');
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.view.dispatch({ effects: setActiveAtoms.of(ranges) });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}

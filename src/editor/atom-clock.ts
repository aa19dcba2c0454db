/**
 * Drives the sounding-atom highlight: collects the player's events, and on every animation frame
 * compares their audio times with the audio clock, maps the sounding atoms' ranges from the code
 * version that produced them onto the current document, and updates the editor when the set changes.
 */
import type { EditorView } from '@codemirror/view';
import { setActiveAtoms } from './active-atoms.ts';
import { AtomTimeline, rangesKey, type SourceRange, type VersionedRange } from './atom-timeline.ts';
import { mapAtom, versionAt } from './code-versions.ts';
import type { PlayedEvent } from './player-port.ts';

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
    const locations = event.hap.context?.locations as SourceRange[] | undefined;
    if (!locations?.length) return;
    // The old code plays until the swap: the event's cycle tells which version made it.
    const cycle = event.hap.whole?.begin.valueOf() ?? event.hap.part.begin.valueOf();
    const version = versionAt(this.view.state, cycle);
    if (!version) return;
    const ranges = locations.map((l) => ({ start: l.start, end: l.end, version: version.id }));
    this.timeline.add(ranges, event.audioTime, event.durationSeconds);
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
      this.show(this.timeline.soundingAt(this.audioClock()));
      // Run while events wait or sound; the next event starts the loop again.
      this.frame = this.timeline.size ? requestAnimationFrame(tick) : 0;
    };
    this.frame = requestAnimationFrame(tick);
  }

  private show(sounding: VersionedRange[]): void {
    const key = rangesKey(sounding);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const state = this.view.state;
    const ranges = sounding
      .map((range) => mapAtom(state, range.version, range.start, range.end))
      .filter((range): range is { from: number; to: number } => range !== null);
    this.view.dispatch({ effects: setActiveAtoms.of(ranges) });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}

/**
 * Events from the sandbox that are still far from their time, held on the page until they are
 * due. Before an evaluation the sandbox commits the old code a second ahead, so that the music goes
 * on while the evaluation blocks its thread; once the new code is ready it takes back what it
 * committed past the swap point (`retract`), and the page drops those events here, before the
 * sound engine has them. Events due within `dueAhead` seconds go through at once. Pure.
 */
import type { Cycles, Seconds } from '../scheduler/types.ts';

export interface HeldEvent {
  audioTime: Seconds;
  cycle: Cycles;
}

/**
 * How far ahead of the audio clock events are handed to the sound engine: past the sandbox's
 * look-ahead (0.15 s), so events it commits in the normal way are played on arrival, as before.
 */
export const DUE_AHEAD_SECONDS: Seconds = 0.2;

export class EventHold<E extends HeldEvent> {
  private held: E[] = [];

  constructor(private readonly dueAhead: Seconds = DUE_AHEAD_SECONDS) {}

  /** Takes newly arrived events; returns those due by `now + dueAhead`, to play now, in order. */
  receive(events: readonly E[], now: Seconds): E[] {
    for (const event of events) this.held.push(event);
    return this.due(now);
  }

  /** The held events now due (and no longer held), in order of time. */
  due(now: Seconds): E[] {
    if (!this.held.length) return [];
    const horizon = now + this.dueAhead;
    const due: E[] = [];
    const kept: E[] = [];
    for (const event of this.held) (event.audioTime < horizon ? due : kept).push(event);
    this.held = kept;
    return due.sort((a, b) => a.audioTime - b.audioTime);
  }

  /** Drops the held events whose onset is at `fromCycle` or later; returns how many. */
  retract(fromCycle: Cycles): number {
    const before = this.held.length;
    this.held = this.held.filter((event) => event.cycle < fromCycle);
    return before - this.held.length;
  }

  /** Drops everything held (stop, hush, a restarted sandbox). */
  clear(): void {
    this.held = [];
  }
}

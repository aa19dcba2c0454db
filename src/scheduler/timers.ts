/**
 * Timers for the scheduler. `IntervalTimer` uses the host's `setInterval` (Node, or a page where
 * background throttling does not matter); `ManualTimer` ticks only when a test says so. The
 * browser's worker-driven timer is in worker-timer.ts.
 */
import type { Clock, Seconds, Timer } from './types.ts';

export class IntervalTimer implements Timer {
  private handle: ReturnType<typeof setInterval> | null = null;

  constructor(readonly intervalSeconds: Seconds) {}

  start(onTick: () => void): void {
    this.stop();
    this.handle = setInterval(onTick, this.intervalSeconds * 1000);
  }

  stop(): void {
    if (this.handle !== null) clearInterval(this.handle);
    this.handle = null;
  }
}

/** A timer for tests: `fire()` runs one tick if started. */
export class ManualTimer implements Timer {
  private onTick: (() => void) | null = null;

  constructor(readonly intervalSeconds: Seconds = 0.01) {}

  get running(): boolean {
    return this.onTick !== null;
  }

  start(onTick: () => void): void {
    this.onTick = onTick;
  }

  stop(): void {
    this.onTick = null;
  }

  fire(): void {
    this.onTick?.();
  }
}

/** A clock that moves only when a test says so. */
export class ManualClock implements Clock {
  constructor(private time: Seconds = 0) {}

  now(): Seconds {
    return this.time;
  }

  set(time: Seconds): void {
    this.time = time;
  }

  advance(seconds: Seconds): void {
    this.time += seconds;
  }
}

/** `performance.now()` in seconds: Node's stand-in for the audio clock. */
export const performanceClock: Clock = { now: () => performance.now() / 1000 };

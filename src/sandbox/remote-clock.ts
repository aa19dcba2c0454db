/**
 * The audio clock as seen from the sandbox, which has no AudioContext: the page sends readings of
 * `currentTime` with the wall-clock time they were taken, and between readings the clock runs on
 * with the wall clock (while the context is running; a suspended one stands still). It never
 * goes backwards. Pure: the wall clock is passed in.
 */
import type { Clock, Seconds } from '../scheduler/types.ts';

export class RemoteClock implements Clock {
  private audioTime: Seconds = 0;
  private wallMs = 0;
  private running = false;
  private last: Seconds = 0;

  /** `wallNowMs`: the same wall clock the readings' `wallMs` use. */
  constructor(private readonly wallNowMs: () => number) {}

  reading(audioTime: Seconds, wallMs: number, running: boolean): void {
    this.audioTime = audioTime;
    this.wallMs = wallMs;
    this.running = running;
  }

  now(): Seconds {
    const elapsed = this.running ? Math.max(0, this.wallNowMs() - this.wallMs) / 1000 : 0;
    this.last = Math.max(this.last, this.audioTime + elapsed);
    return this.last;
  }
}

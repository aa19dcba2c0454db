/** Motif's scheduler: pure, on an abstract clock and timer. See scheduler.ts. */
export { Scheduler, type SchedulerStats } from './scheduler.ts';
export { cycleAt, timeAt, changeTempo, tempoAnchor, type TempoAnchor } from './tempo.ts';
export { IntervalTimer, ManualClock, ManualTimer, performanceClock } from './timers.ts';
export * from './types.ts';

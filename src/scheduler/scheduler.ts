/**
 * Motif's scheduler: on each timer tick, commits every onset between the last committed point and
 * `clock.now() + lookAhead` to the output, querying each layer on its own. Pure: it knows a clock,
 * a timer and an output callback, never audio or the DOM.
 *
 * Committed means handed to the output. A swap in `now` mode starts at the committed point, and a
 * tempo change applies from there on; the one way back is `retract`, for an output that holds
 * events until they are due (the sandbox's page).
 */
import type { MotifError } from '../runtime/result.ts';
import { byOnset, DEFAULT_EVENT_BUDGET, RateBucket, thin, type EventBudget } from './event-budget.ts';
import { GRID, nextSlots, takeOnsets, type LayerSlot } from './layer-slots.ts';
import { changeTempo, cycleAt, tempoAnchor, timeAt, type TempoAnchor } from './tempo.ts';
import { Fraction, type FractionValue, type Hap } from '@strudel/core';
import {
  DEFAULT_CPS,
  DEFAULT_TIMING,
  type Cps,
  type Cycles,
  type ScheduledEvent,
  type SchedulerLayer,
  type SchedulerOptions,
  type SchedulerTiming,
  type Seconds,
  type SwapMode,
} from './types.ts';

interface PendingSwap {
  layers: readonly SchedulerLayer[];
  cps: Cps | null;
  /** The cycle at which the new layers take over. */
  at: Cycles;
}

/** A window of committed cycles, its ends also as fractions. */
interface CommitWindow {
  begin: Cycles;
  end: Cycles;
  from: FractionValue;
  to: FractionValue;
}

export interface SchedulerStats {
  /** Events handed to the output. */
  committed: number;
  /** Events dropped because their onset had already passed. */
  late: number;
  /** Clock time skipped because the timer stalled past the look-ahead (e.g. a frozen tab). */
  skippedSeconds: Seconds;
  /** Events left out by thinning layers over their budget. */
  thinned: number;
}

export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly timing: SchedulerTiming;
  private slots: LayerSlot[] = [];
  private pending: PendingSwap | null = null;
  private anchor: TempoAnchor;
  /** The anchor before the last tempo change, for times before `anchor.time`. */
  private previousAnchor: TempoAnchor | null = null;
  /** Everything before this cycle has been handed to the output. */
  private committed: Cycles = 0;
  private running = false;
  private readonly reported = new Set<string>();
  readonly stats: SchedulerStats = { committed: 0, late: 0, skippedSeconds: 0, thinned: 0 };
  private readonly budget: EventBudget;
  /** All layers' event budget (each layer's is on its slot). */
  private readonly totalBucket: RateBucket;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.budget = options.budget ?? DEFAULT_EVENT_BUDGET;
    this.totalBucket = new RateBucket(this.budget.totalPerSecond, this.budget.totalBurst);
    this.anchor = tempoAnchor(0, 0, options.cps ?? DEFAULT_CPS);
  }

  get playing(): boolean {
    return this.running;
  }

  get cps(): Cps {
    return this.anchor.cps;
  }

  /** The layer ids now playing. */
  get layerIds(): string[] {
    return this.slots.map((slot) => slot.layer.id);
  }

  /** The cycle at a time on the clock (continuous across tempo changes; 0 when stopped). */
  cycleAt(time: Seconds): Cycles {
    if (!this.running) return 0;
    const before = this.previousAnchor;
    return before && time < this.anchor.time ? cycleAt(before, time) : cycleAt(this.anchor, time);
  }

  /** The clock time of a cycle, under the current tempo. */
  timeAt(cycle: Cycles): Seconds {
    return timeAt(this.anchor, cycle);
  }

  /** The earliest time not yet committed to the output. */
  get committedUntil(): Seconds {
    return timeAt(this.anchor, this.committed);
  }

  /**
   * Plays new layers. Stopped: they play from cycle 0 when `start()` is called. Playing: they take
   * over at the next cycle boundary (`cycle`) or at the earliest uncommitted time (`now`), with the
   * new tempo if `cps` is given.
   */
  setLayers(layers: readonly SchedulerLayer[], options: { swap?: SwapMode; cps?: Cps | null } = {}): void {
    const cps = options.cps ?? null;
    if (!this.running) {
      this.slots = nextSlots(this.slots, layers);
      if (cps !== null) this.anchor = tempoAnchor(this.anchor.time, this.anchor.cycle, cps);
      this.pending = null;
      return;
    }
    // A cycle swap asked for once its boundary has passed (an evaluation that blocked this thread
    // across it) takes the next one: the new code's first events would be late, and a layer's
    // first note (a drone's) would be lost for the whole cycle; the old code plays on till then.
    const now = cycleAt(this.anchor, this.options.clock.now());
    const at = (options.swap ?? 'cycle') === 'now' ? this.committed : Math.ceil(Math.max(this.committed, now));
    this.pending = { layers, cps, at };
    if (options.swap === 'now') this.tick();
  }

  /** The tempo line now (`anchor`) and before the last change (`previous`), for a view of the clock elsewhere. */
  get tempo(): { anchor: TempoAnchor; previous: TempoAnchor | null } {
    return { anchor: this.anchor, previous: this.previousAnchor };
  }

  /**
   * Starts the clock at cycle 0, `startDelaySeconds` from now; or, given `anchor`, on that tempo
   * line from the cycle sounding now (a restarted player going on in time with the one before).
   */
  start(anchor?: TempoAnchor): void {
    if (this.running) return;
    if (this.pending) this.slots = nextSlots(this.slots, this.pending.layers);
    this.pending = null;
    const now = this.options.clock.now();
    this.anchor = anchor ?? tempoAnchor(now + this.timing.startDelaySeconds, 0, this.anchor.cps);
    this.previousAnchor = null;
    this.committed = anchor ? Math.max(0, cycleAt(anchor, now + this.timing.startDelaySeconds)) : 0;
    this.running = true;
    this.options.timer.start(() => this.tick());
    // The first window reaches past the start delay, so a slow first timer tick loses nothing.
    this.commitUntil(Math.max(this.anchor.time, now + this.timing.startDelaySeconds) + this.timing.lookAheadSeconds);
  }

  /** Stops scheduling; events already committed are the output's to silence. Layers are kept. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.options.timer.stop();
    if (this.pending) this.slots = nextSlots(this.slots, this.pending.layers);
    this.pending = null;
  }

  /** Silences every layer from the earliest uncommitted time; the clock keeps running. */
  hush(): void {
    this.pending = null;
    this.slots = [];
  }

  /** Changes the tempo from the earliest uncommitted time; the cycle position stays continuous. */
  setCps(cps: Cps): void {
    this.retempo(this.running ? this.committed : this.anchor.cycle, cps);
  }

  private retempo(cycle: Cycles, cps: Cps): void {
    if (cps === this.anchor.cps) return;
    this.previousAnchor = this.anchor;
    this.anchor = changeTempo(this.anchor, cycle, cps);
  }

  /**
   * Commits further ahead than the look-ahead, up to `seconds` from now but never past the next
   * cycle boundary (where a swap in `cycle` mode lands, so it costs that swap nothing), unless
   * `pastBoundary`: for an output that holds events, so that `retract` can take the rest back. Call
   * it before blocking the thread that ticks (evaluating code), so a stall does not drop events.
   */
  commitAhead(seconds: Seconds, options: { pastBoundary?: boolean } = {}): void {
    if (!this.running) return;
    const until = this.options.clock.now() + seconds;
    const boundary = timeAt(this.anchor, Math.ceil(this.committed));
    this.commitUntil(options.pastBoundary ? until : Math.min(until, boundary));
  }

  /**
   * Takes back what was committed from `time` on (at least the look-ahead from now; `cycle`: from
   * the first boundary there), for a swap after `commitAhead`: the output must drop every event
   * whose onset is at the returned cycle or later, and the next commits start there. Returns null
   * when nothing was taken back (nothing committed that far, or a tempo change inside the span).
   */
  retract(time: Seconds, to: 'grid' | 'cycle' = 'grid'): Cycles | null {
    if (!this.running) return null;
    const earliest = Math.max(time, this.options.clock.now() + this.timing.lookAheadSeconds);
    if (this.anchor.time > earliest) return null;
    // On the grid that query chunks end on (exact as a float and as a fraction), or on the next
    // cycle boundary, where a `cycle` swap lands.
    const steps = to === 'cycle' ? 1 : GRID;
    const cycle = Math.ceil(cycleAt(this.anchor, earliest) * steps) / steps;
    if (cycle >= this.committed) return null;
    this.committed = cycle;
    for (const slot of this.slots) slot.ahead = null;
    return cycle;
  }

  /** Commits every onset up to `now + lookAhead`. Called by the timer; safe to call any time. */
  tick(): void {
    this.commitUntil(this.options.clock.now() + this.timing.lookAheadSeconds);
  }

  private commitUntil(horizon: Seconds): void {
    if (!this.running) return;
    const now = this.options.clock.now();
    const current = cycleAt(this.anchor, now);
    if (this.committed < current) {
      // The timer stalled past the look-ahead (a frozen tab): what is due already passed; skip it.
      this.stats.skippedSeconds += (current - this.committed) / this.anchor.cps;
      this.committed = current;
    }
    for (;;) {
      const swap = this.pending;
      if (swap && swap.at <= this.committed) {
        this.slots = nextSlots(this.slots, swap.layers);
        this.reported.clear();
        if (swap.cps !== null) this.retempo(this.committed, swap.cps);
        this.pending = null;
        continue;
      }
      const target = cycleAt(this.anchor, horizon);
      if (target <= this.committed) return;
      const end = swap ? Math.min(target, swap.at) : target;
      this.commit(this.committed, end, now);
      this.committed = end;
    }
  }

  /** A layer's onsets in [begin, end), thinned to its budget (reported once per layer version). */
  private layerOnsets(slot: LayerSlot, index: number, window: CommitWindow, seconds: Seconds): Hap[] {
    const quantum = this.timing.queryAheadSeconds * this.anchor.cps;
    const phase = index / Math.max(1, this.slots.length);
    const haps = takeOnsets(slot, window, quantum, phase, (error) => this.report(error));
    slot.bucket ??= new RateBucket(this.budget.layerPerSecond, this.budget.layerBurst);
    const keep = slot.bucket.take(haps.length, seconds);
    if (haps.length <= keep) return haps;
    this.stats.thinned += haps.length - keep;
    const { id, position } = slot.layer;
    const rate = Math.round(haps.length / Math.max(seconds, 1e-3));
    this.report({
      kind: 'query',
      message: `Layer ${id}: about ${rate} events per second, more than the ${this.budget.layerPerSecond} a layer may play: thinned (the other layers play on)`,
      ...position,
      layer: id,
    });
    return thin(byOnset(haps), keep);
  }

  private commit(begin: Cycles, end: Cycles, now: Seconds): void {
    const events: ScheduledEvent[] = [];
    const seconds = (end - begin) / this.anchor.cps;
    // The window's ends as fractions, once (converting a float to a fraction is not cheap).
    const window: CommitWindow = { begin, end, from: Fraction(begin), to: Fraction(end) };
    const perLayer = this.slots.map((slot, index) => this.layerOnsets(slot, index, window, seconds));
    const total = perLayer.reduce((n, haps) => n + haps.length, 0);
    const keepTotal = this.totalBucket.take(total, seconds);
    if (total > keepTotal) {
      // Every layer keeps its share of the total, so busy layers cannot crowd out a quiet one.
      this.stats.thinned += total - keepTotal;
      this.report({ kind: 'query', message: `All layers: about ${Math.round(total / Math.max(seconds, 1e-3))} events per second, more than the ${this.budget.totalPerSecond} Motif plays: each layer thinned`, line: 1, column: 1 });
      const share = Math.max(1, Math.floor(keepTotal / this.slots.length));
      perLayer.forEach((haps, i) => (perLayer[i] = thin(byOnset(haps), share)));
    }
    this.slots.forEach((slot, i) => {
      for (const hap of perLayer[i]!) {
        const whole = hap.wholeOrPart();
        const cycle = whole.begin.valueOf();
        const event: ScheduledEvent = {
          hap,
          audioTime: timeAt(this.anchor, cycle),
          durationSeconds: (whole.end.valueOf() - cycle) / this.anchor.cps,
          layer: slot.layer.id,
          cps: this.anchor.cps,
          cycle,
        };
        events.push(event);
      }
    });
    events.sort((a, b) => a.audioTime - b.audioTime);
    for (const event of events) {
      if (event.audioTime < now - 1e-9) {
        this.stats.late++;
        continue;
      }
      this.stats.committed++;
      try {
        this.options.output(event);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = this.slots.find((slot) => slot.layer.id === event.layer)?.layer.position ?? { line: 1, column: 1 };
        this.report({ kind: 'runtime', message: `Layer ${event.layer}: ${message}`, ...position, layer: event.layer });
      }
    }
  }

  private report(error: MotifError): void {
    const key = `${error.layer ?? ''}\0${error.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.onError?.(error);
  }
}

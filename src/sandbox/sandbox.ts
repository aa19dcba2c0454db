/**
 * The sandbox's side: the user's code is evaluated, scheduled and queried here, in a worker that
 * has only the pattern API (lockdown.ts), never on the page. The page sends code, clock readings
 * and controls; this sends back committed events, results, errors, AI call statuses and roll
 * notes (protocol.ts). Sound, MIDI, sample loading and the editor stay on the page.
 */
import type { AiHost } from '../ai/client/host.ts';
import { rollNote, type RollNote } from '../editor/pianoroll-layout.ts';
import { TICK_QUERY_DEADLINE_MS, withDeadline } from '../runtime/deadline.ts';
import { evaluate } from '../runtime/evaluate.ts';
import type { PatternModules } from '../runtime/imports.ts';
import type { Layer } from '../runtime/result.ts';
import { setSliderValue } from '../runtime/sliders.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import { IntervalTimer } from '../scheduler/timers.ts';
import { DEFAULT_TICK_SECONDS, type ScheduledEvent, type Seconds, type Timer } from '../scheduler/types.ts';
import type { TempoAnchor } from '../scheduler/tempo.ts';
import type { PageToSandbox, SandboxToPage, WireEvent } from './protocol.ts';
import { RemoteClock } from './remote-clock.ts';
import { plainValue, wireEvent, wireResult } from './wire.ts';

/**
 * How far ahead of the estimated audio clock events are committed: room for the hop to the page,
 * whose thread can be busy for a while (typing into the editor delayed messages by up to 106 ms
 * here; strudel.cc commits 200 ms ahead).
 */
export const SANDBOX_LOOK_AHEAD_SECONDS: Seconds = 0.15;
/**
 * How far ahead the old code is committed before an evaluation blocks this thread (its deadline),
 * past a cycle boundary if one comes first: an evaluation that runs across it loses no onset there
 * (a drone's note, a whole cycle long). The page holds these events till due, and once the new
 * code is ready the part past its swap point is taken back.
 */
const EVALUATION_GUARD_SECONDS: Seconds = 1;
/**
 * The earliest a swap lands, from the sandbox's estimate of the audio clock (`now`: there; `cycle`:
 * at the first boundary from there): past what the page has handed to the sound engine
 * (DUE_AHEAD_SECONDS, 0.2 s), with room for the message to arrive.
 */
const SWAP_AFTER_SECONDS: Seconds = 0.25;
/** How long an evaluation waits for the sample maps it asked the page to load. */
const SAMPLES_WAIT_MS = 5000;
/** How often the sandbox says it is alive (the page restarts one that stays silent). */
export const ALIVE_INTERVAL_MS = 100;
/** What the scheduler has queried beyond the audible cycle, for the AI host's swap cycle. */
const SCHEDULED_AHEAD_SECONDS: Seconds = 0.2;

export interface SandboxOptions {
  post: (message: SandboxToPage) => void;
  /** The wall clock the page's clock readings use (ms). */
  wallNowMs: () => number;
  patterns: PatternModules;
  /** The AI host `.continue()` talks to (installed on Pattern by the caller). */
  ai: AiHost;
  timer?: Timer;
}

export class PatternSandbox {
  private readonly clock: RemoteClock;
  private readonly scheduler: Scheduler;
  private readonly buffer: WireEvent[] = [];
  private layers: Layer[] = [];
  private readonly samplesPending = new Map<number, () => void>();
  private readonly samplesLoading = new Set<Promise<void>>();
  private samplesCounter = 0;
  private sentTempo: { anchor: TempoAnchor; playing: boolean } | null = null;

  constructor(private readonly options: SandboxOptions) {
    this.clock = new RemoteClock(options.wallNowMs);
    const inner = options.timer ?? new IntervalTimer(DEFAULT_TICK_SECONDS);
    const timer: Timer = {
      intervalSeconds: inner.intervalSeconds,
      start: (onTick) => inner.start(() => {
        onTick();
        this.flush();
      }),
      stop: () => inner.stop(),
    };
    this.scheduler = new Scheduler({
      clock: this.clock,
      timer,
      timing: { lookAheadSeconds: SANDBOX_LOOK_AHEAD_SECONDS },
      output: (event: ScheduledEvent) => this.buffer.push(wireEvent(event)),
      onError: (error) => options.post({ type: 'error', error }),
    });
    const ai = options.ai;
    ai.setClock(() => this.scheduler.cycleAt(this.clock.now()) + SCHEDULED_AHEAD_SECONDS * this.scheduler.cps);
    ai.onStatus((status) => {
      options.post({ type: 'aiStatus', status });
      const material = status.state === 'ready' ? ai.material(status.callId) : undefined;
      if (material) options.post({ type: 'aiMaterial', callId: status.callId, evaluation: status.evaluation, material });
    });
  }

  receive(message: PageToSandbox): void {
    switch (message.type) {
      case 'evaluate':
        void this.evaluate(message);
        return;
      case 'clock':
        this.clock.reading(message.audioTime, message.wallMs, message.running);
        return;
      case 'stop':
        this.scheduler.stop();
        this.flush(true);
        return;
      case 'hush':
        this.scheduler.hush();
        this.flush(true);
        return;
      case 'setCps':
        this.scheduler.setCps(message.cps);
        break;
      case 'slider':
        setSliderValue(message.id, message.value);
        return;
      case 'roll':
        this.options.post({ type: 'roll', id: message.id, notes: this.rollNotes(message.begin, message.end) });
        return;
      case 'samplesDone':
        this.samplesPending.get(message.id)?.();
        this.samplesPending.delete(message.id);
        return;
    }
    this.flush();
  }

  private async evaluate(message: Extract<PageToSandbox, { type: 'evaluate' }>): Promise<void> {
    const run = async () => {
      // The guard: what plays while the evaluation blocks this thread (held on the page till due).
      this.scheduler.commitAhead(EVALUATION_GUARD_SECONDS, { pastBoundary: true });
      this.flush(false, true);
      const result = await evaluate(message.code, {
        scope: { samples: this.samples },
        patterns: this.options.patterns,
        ...(message.stripped ? { stripTypes: async () => message.stripped! } : {}),
      });
      await this.samplesSettled();
      return result;
    };
    const result = await this.options.ai.evaluateWith(message.code, run);
    if (!result.errors.length) {
      if (this.scheduler.playing) {
        const fromCycle = this.scheduler.retract(this.clock.now() + SWAP_AFTER_SECONDS, message.swap === 'now' ? 'grid' : 'cycle');
        if (fromCycle !== null) {
          this.flush(); // anything committed before the retraction reaches the page before it
          this.options.post({ type: 'retract', fromCycle });
        }
      }
      this.scheduler.setLayers(result.layers, { swap: message.swap, cps: result.cps });
      this.layers = result.layers;
      if (!this.scheduler.playing) this.scheduler.start(message.resume);
    }
    this.flush(); // the tempo first: the page shows the result as playing
    this.options.post({ type: 'result', id: message.id, result: wireResult(result) });
  }

  /** `samples(…)` in user code: the page loads the map into its sound engine. */
  private readonly samples = (map: unknown, baseUrl?: unknown): Promise<void> => {
    const id = ++this.samplesCounter;
    const done = new Promise<void>((resolve) => this.samplesPending.set(id, resolve));
    this.samplesLoading.add(done);
    void done.then(() => this.samplesLoading.delete(done));
    const plain = typeof map === 'string' ? map : (plainValue(map) as Record<string, unknown>);
    this.options.post({ type: 'samples', id, map: plain, ...(typeof baseUrl === 'string' ? { baseUrl } : {}) });
    return done;
  };

  private async samplesSettled(): Promise<void> {
    if (!this.samplesLoading.size) return;
    await Promise.race([Promise.all(this.samplesLoading), new Promise((resolve) => setTimeout(resolve, SAMPLES_WAIT_MS))]);
  }

  private rollNotes(begin: number, end: number): RollNote[] {
    return this.layers.flatMap((layer, index) => {
      try {
        return withDeadline(TICK_QUERY_DEADLINE_MS, () => layer.pattern.queryArc(begin, end))
          .filter((hap) => hap.hasOnset())
          .map((hap) => rollNote(hap, index))
          .filter((note): note is RollNote => note !== null);
      } catch {
        return []; // the scheduler reports the layer's failure when it plays it
      }
    });
  }

  /**
   * Sends what was committed since the last flush, and the tempo when it changed (`always`: in any
   * case, as the answer to stop and hush: the page drops events sent before it; `hold`: the page
   * holds the events till due, as they may be taken back).
   */
  private flush(always = false, hold = false): void {
    if (this.buffer.length) this.options.post({ type: 'events', events: this.buffer.splice(0), sentMs: this.options.wallNowMs(), ...(hold ? { hold: true as const } : {}) });
    const { anchor, previous } = this.scheduler.tempo;
    const playing = this.scheduler.playing;
    if (always || this.sentTempo?.anchor !== anchor || this.sentTempo.playing !== playing) {
      this.sentTempo = { anchor, playing };
      this.options.post({ type: 'tempo', tempo: { playing, anchor, previous } });
    }
  }
}

/**
 * The AI host: the main-thread service that AI transformers talk to. It owns the worker client
 * (created on first use), the model info and result caches, the positions of calls in the code,
 * their status for the editor, and `settled()` for headless use.
 *
 * Wiring (editor and CLI):
 *   const host = createNodeAiHost();          // client/node.ts; in the browser createBrowserAiHost()
 *   installAiTransformers(host);              // once, before evaluating code that uses .continue()
 *   const result = await host.evaluate(code, { scope }); // = runtime evaluate + call positions
 *   await host.settled();                     // headless: before querying
 *   host.setClock(() => committedCycle);      // live: results swap in on a cycle boundary
 *   host.evaluateWith(code, () => player.evaluate(code)); // live: the player evaluates and plays
 */
import { evaluate, type EvaluateOptions } from '../../runtime/evaluate.ts';
import type { EvalResult } from '../../runtime/result.ts';
import { generationKey, ResultCache } from '../cache.ts';
import type { GenerateRequest, ModelInfo, ModelRef } from '../protocol.ts';
import { findCallSites, type CallSite } from '../transformers/call-sites.ts';
import type { GeneratedMaterial } from '../transformers/continuation.ts';
import type { AiClient } from './client.ts';

/** 'cancelled': a later evaluation replaced the call's code before its result came (none will). */
export type CallState = 'pending' | 'ready' | 'error' | 'cancelled';

/** One AI call of the current evaluation, as the editor shows it. */
export interface CallStatus {
  /** 0, 1, … in execution order within its evaluation. */
  callId: number;
  /** Which evaluation the call belongs to (increases with every `evaluate`/`beginEvaluation`). */
  evaluation: number;
  /** The transformer, e.g. "continue". */
  fn: string;
  /** Character offsets of `.fn(…)` in the evaluated code; -1 when unknown. */
  from: number;
  to: number;
  state: CallState;
  message?: string;
}

/** An error or warning of an AI call, reported (never thrown) so the music keeps playing. */
export interface AiReport {
  level: 'error' | 'warning';
  status: CallStatus;
  message: string;
}

/** A call being made: its identity and position, handed to the transformer. */
export interface CallRecord {
  callId: number;
  evaluation: number;
  fn: string;
  from: number;
  to: number;
}

export interface AiHostOptions {
  /** The worker client, or a factory called on first use. */
  client: AiClient | (() => AiClient);
  /**
   * The scheduler's position in cycles: the end of what it has already queried (committed). A
   * result swaps in at the first cycle boundary at or after it. With only the audible position at
   * hand, add the scheduler's look-ahead in cycles. Without a clock (headless), results swap in at
   * once.
   */
  now?: () => number;
  /** The model used when a call names none (default: the repo's models/melody/). */
  defaultModel?: ModelRef;
  /** How many generated results to keep (default 256). */
  cacheSize?: number;
}

const refKey = (ref: ModelRef): string => (ref.kind === 'default' ? 'default' : `url:${ref.url}`);

interface InFlight {
  promise: Promise<number[]>;
  controller: AbortController;
  evaluation: number;
}

export class AiHost {
  readonly defaultModel: ModelRef;
  private clientValue: AiClient | null;
  private readonly clientFactory: (() => AiClient) | null;
  private now: (() => number) | null;
  private readonly cache: ResultCache<number[]>;
  private readonly models = new Map<string, ModelInfo>();
  private readonly modelLoads = new Map<string, Promise<ModelInfo>>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly statusListeners = new Set<(status: CallStatus) => void>();
  private readonly reportListeners = new Set<(report: AiReport) => void>();
  private readonly current = new Map<number, CallStatus>();
  private readonly materials = new Map<number, GeneratedMaterial>();
  private readonly warned = new Set<string>();
  private evaluationId = 0;
  /** Evaluations below this one were replaced by a successful later one. */
  private firstCurrent = 0;
  private callCounter = 0;
  private readonly perFunction = new Map<string, number>();
  private sites: Map<string, CallSite[]> = new Map();
  private code = '';
  private evaluations: Promise<unknown> = Promise.resolve();

  constructor(options: AiHostOptions) {
    this.clientValue = typeof options.client === 'function' ? null : options.client;
    this.clientFactory = typeof options.client === 'function' ? options.client : null;
    this.now = options.now ?? null;
    this.defaultModel = options.defaultModel ?? { kind: 'default' };
    this.cache = new ResultCache(options.cacheSize);
  }

  /** The worker client, started on first use. */
  get client(): AiClient {
    if (!this.clientValue) {
      if (!this.clientFactory) throw new Error('the AI host was disposed');
      this.clientValue = this.clientFactory();
    }
    return this.clientValue;
  }

  /** Sets (or removes, with null) the scheduler clock; see `AiHostOptions.now`. */
  setClock(now: (() => number) | null): void {
    this.now = now;
  }

  /**
   * The cycle from which a result that arrives now plays: the first cycle boundary at or after
   * the clock (nothing from there on has been queried yet), or -Infinity without a clock.
   */
  swapCycle(): number {
    return this.now ? Math.ceil(this.now()) : Number.NEGATIVE_INFINITY;
  }

  // ---- evaluations and calls -------------------------------------------------------------

  /**
   * Evaluates user code (src/runtime/evaluate.ts) with call positions known to the host. After a
   * successful evaluation, requests that only earlier evaluations wanted are cancelled.
   */
  evaluate(code: string, options: EvaluateOptions = {}): Promise<EvalResult> {
    return this.evaluateWith(code, () => evaluate(code, options));
  }

  /**
   * As `evaluate`, for callers that evaluate `code` themselves with `run` (the editor: the player
   * evaluates and plays it). One evaluation at a time; a failed one cancels nothing, so the
   * pattern still playing keeps its requests.
   */
  evaluateWith(code: string, run: () => Promise<EvalResult>): Promise<EvalResult> {
    const next = this.evaluations.then(async () => {
      const evaluation = this.beginEvaluation(code);
      const result = await run();
      if (result.errors.length === 0) this.cancelStale(evaluation);
      return result;
    });
    this.evaluations = next.catch(() => undefined);
    return next;
  }

  /** Starts numbering calls for `code`. */
  private beginEvaluation(code: string): number {
    this.evaluationId++;
    this.callCounter = 0;
    this.perFunction.clear();
    this.code = code;
    this.sites = new Map();
    this.current.clear();
    this.materials.clear();
    return this.evaluationId;
  }

  /** Registers a call of transformer `fn`; position by order of appearance of `.fn(` in the code. */
  nextCall(fn: string): CallRecord {
    let sites = this.sites.get(fn);
    if (!sites) {
      sites = findCallSites(this.code, fn);
      this.sites.set(fn, sites);
    }
    const index = this.perFunction.get(fn) ?? 0;
    this.perFunction.set(fn, index + 1);
    const site = sites[index];
    return { callId: this.callCounter++, evaluation: this.evaluationId, fn, from: site?.from ?? -1, to: site?.to ?? -1 };
  }

  setStatus(call: CallRecord, state: CallState, message?: string): void {
    const status: CallStatus = { ...call, state, ...(message === undefined ? {} : { message }) };
    if (call.evaluation === this.evaluationId) this.current.set(call.callId, status);
    for (const listener of this.statusListeners) listener(status);
  }

  /** Marks the call failed and reports the error; never throws. */
  fail(call: CallRecord, message: string): void {
    this.setStatus(call, 'error', message);
    this.report('error', call, message);
  }

  /** Reports a warning once per distinct message and call position. */
  warn(call: CallRecord, message: string): void {
    const key = `${call.fn}:${call.from}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.report('warning', call, message);
  }

  private report(level: AiReport['level'], call: CallRecord, message: string): void {
    const status = this.current.get(call.callId) ?? { ...call, state: level === 'error' ? 'error' : 'ready' };
    for (const listener of this.reportListeners) listener({ level, status, message });
  }

  /** The statuses of the current evaluation's calls, by call id. */
  statuses(): CallStatus[] {
    return [...this.current.values()].sort((a, b) => a.callId - b.callId);
  }

  /** The current evaluation's call whose `.fn(…)` contains `offset` (innermost), e.g. for "bake". */
  callAt(offset: number): CallStatus | undefined {
    const around = this.statuses().filter((status) => status.from >= 0 && status.from <= offset && offset < status.to);
    return around.sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  }

  onStatus(listener: (status: CallStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onReport(listener: (report: AiReport) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  /** Records what a call generated, for `bake`. */
  setMaterial(call: CallRecord, material: GeneratedMaterial): void {
    if (call.evaluation === this.evaluationId) this.materials.set(call.callId, material);
  }

  /** What call `callId` of the current evaluation generated (undefined until it is ready). */
  material(callId: number): GeneratedMaterial | undefined {
    return this.materials.get(callId);
  }

  // ---- models and generation ---------------------------------------------------------------

  /** Info of a model already loaded, synchronously. */
  knownModel(ref: ModelRef): ModelInfo | undefined {
    return this.models.get(refKey(ref));
  }

  loadModel(ref: ModelRef): Promise<ModelInfo> {
    const key = refKey(ref);
    let loading = this.modelLoads.get(key);
    if (!loading) {
      loading = this.client.loadModel(ref).then((info) => {
        this.models.set(key, info);
        return info;
      });
      this.modelLoads.set(key, loading);
      loading.catch(() => this.modelLoads.delete(key)); // let a later evaluation retry
    }
    return loading;
  }

  /**
   * Starts the worker and loads a model (default: the default model) in the background, so that
   * the first `.continue()` does not wait for them. Failures are left for that call to report.
   */
  prewarm(ref: ModelRef = this.defaultModel): void {
    this.loadModel(ref).catch(() => undefined);
  }

  /** A cached result, synchronously. */
  cached(request: GenerateRequest, info: ModelInfo): number[] | undefined {
    return this.cache.get(generationKey(request, info.weightsHash));
  }

  /** Generates through the worker, reusing cached and in-flight results for identical requests. */
  generate(request: GenerateRequest, info: ModelInfo, evaluation: number): Promise<number[]> {
    const key = generationKey(request, info.weightsHash);
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit);
    const running = this.inFlight.get(key);
    if (running) {
      running.evaluation = Math.max(running.evaluation, evaluation);
      return running.promise;
    }
    const controller = new AbortController();
    const promise = this.client.generate(request, controller.signal).then((events) => {
      this.cache.set(key, events);
      return events;
    });
    const entry: InFlight = { promise, controller, evaluation };
    this.inFlight.set(key, entry);
    const forget = () => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** Whether a later evaluation has replaced `evaluation` (its pattern plays no more). */
  superseded(evaluation: number): boolean {
    return evaluation < this.firstCurrent;
  }

  private cancelStale(evaluation: number): void {
    this.firstCurrent = evaluation;
    for (const entry of this.inFlight.values()) if (entry.evaluation < evaluation) entry.controller.abort();
  }

  /** Counts `work` as pending until it settles (see `settled`). */
  track(work: Promise<unknown>): void {
    const settledWork = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settledWork);
    void settledWork.then(() => this.pending.delete(settledWork));
  }

  /** Resolves once every pending AI request (including ones started meanwhile) is done. */
  async settled(): Promise<void> {
    await this.evaluations;
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Stops the worker. */
  async dispose(): Promise<void> {
    for (const entry of this.inFlight.values()) entry.controller.abort();
    await this.clientValue?.dispose();
    this.clientValue = null;
  }
}

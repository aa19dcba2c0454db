/**
 * The messages between the page and the sandbox: the worker where the user's code is evaluated,
 * scheduled and queried (sandbox.ts), away from the page's storage, DOM and network. Everything
 * here is plain data that survives `postMessage`: patterns stay in the sandbox, and the page sees
 * events, results and statuses. Pure types.
 */
import type { CallStatus } from '../ai/client/host.ts';
import type { GeneratedMaterial } from '../ai/transformers/continuation.ts';
import type { RollNote } from '../editor/pianoroll-layout.ts';
import type { CodePosition, MotifError } from '../runtime/result.ts';
import type { SliderPlace } from '../runtime/sliders.ts';
import type { StripResult } from '../runtime/strip-types.ts';
import type { Cps, Cycles, Seconds, SwapMode } from '../scheduler/types.ts';
import type { TempoAnchor } from '../scheduler/tempo.ts';

/** A committed event as the page plays and shows it. */
export interface WireEvent {
  /** The hap's value, with anything `postMessage` cannot copy (functions) left out. */
  value: unknown;
  /** Character ranges `[start, end)` of the mini-notation atoms that made it (`hap.context.locations`). */
  locations: { start: number; end: number }[];
  audioTime: Seconds;
  durationSeconds: Seconds;
  layer: string;
  cps: Cps;
  cycle: Cycles;
}

/** `EvalResult` without its patterns. */
export interface WireResult {
  layers: { id: string; position: CodePosition }[];
  miniLocations: [number, number][];
  cps: number | null;
  errors: MotifError[];
  warnings: string[];
  sliders: SliderPlace[];
}

/** Where the scheduler stands: the page derives the cycle at the output from it. */
export interface WireTempo {
  playing: boolean;
  anchor: TempoAnchor;
  /** The anchor before the last tempo change, for times before `anchor.time`. */
  previous: TempoAnchor | null;
}

export type PageToSandbox =
  /** `resume`: a restarted sandbox starts on this tempo line, in time with the one before. */
  /** `stripped`: the code with its types blanked out by the page's type worker (else the sandbox strips them). */
  | { type: 'evaluate'; id: number; code: string; stripped?: StripResult; swap: SwapMode; resume?: TempoAnchor }
  /** The audio clock, read on the page at `wallMs` (`performance.timeOrigin + performance.now()`). */
  | { type: 'clock'; audioTime: Seconds; wallMs: number; running: boolean }
  | { type: 'stop' }
  | { type: 'hush' }
  | { type: 'setCps'; cps: Cps }
  | { type: 'slider'; id: string; value: number }
  | { type: 'roll'; id: number; begin: Cycles; end: Cycles }
  | { type: 'samplesDone'; id: number };

export type SandboxToPage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: WireResult }
  /**
   * `sentMs`: the wall clock when sent, so the page can tell how long delivery took. `hold`: the
   * guard committed ahead before an evaluation, to be held till due, as `retract` may take it back.
   */
  | { type: 'events'; events: WireEvent[]; sentMs: number; hold?: true }
  /** Held events with their onset at `fromCycle` or later (past the swap point) are not to be played. */
  | { type: 'retract'; fromCycle: Cycles }
  /** When the tempo or the transport changed, and as the answer to `stop` and `hush`. */
  | { type: 'tempo'; tempo: WireTempo }
  | { type: 'error'; error: MotifError }
  | { type: 'warning'; message: string }
  /** `samples(map, baseUrl)` in user code: the page loads it, then answers `samplesDone`. */
  | { type: 'samples'; id: number; map: string | Record<string, unknown>; baseUrl?: string }
  | { type: 'roll'; id: number; notes: RollNote[] }
  | { type: 'aiStatus'; status: CallStatus }
  | { type: 'aiMaterial'; callId: number; evaluation: number; material: GeneratedMaterial }
  /** Sent every tick while alive, so the page can tell a sandbox stuck in code from one at rest. */
  | { type: 'alive' };

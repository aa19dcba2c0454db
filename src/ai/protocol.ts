/**
 * The typed message protocol between the AI client (main thread) and the AI worker (a Web Worker
 * in the browser, a `worker_threads` Worker in Node). Pure types and tiny helpers: no tfjs, no DOM.
 *
 * - The client sends `call` messages with a fresh numeric `id`, a method name and its arguments;
 *   the worker answers each with exactly one `result` or `error` message carrying the same id.
 * - A `cancel` message names the id of a call to abandon: a call that has not started yet answers
 *   with an error whose `cancelled` flag is set; a call already running finishes normally.
 * - Everything crossing the boundary is structured-clonable data: no functions, no tensors.
 */

/** Which checkpoint a call uses: the repo's default melody model, or a user's checkpoint URL. */
export type ModelRef = { kind: 'default' } | { kind: 'url'; url: string };

/** What the client learns about a loaded model (enough to encode prompts and key caches). */
export interface ModelInfo {
  minPitch: number;
  maxPitch: number;
  stepsPerQuarter: number;
  layers: number[];
  /** Hex SHA-256 of the weights. */
  weightsHash: string;
}

export interface GenerateRequest {
  model: ModelRef;
  /** MelodyRNN event ids of the prompt (non-empty). */
  primer: number[];
  /** How many events to generate. */
  steps: number;
  temperature: number;
  seed: number;
  /** Pitch classes (0 = C … 11 = B) that generated notes may use; absent = all. */
  allowedPitchClasses?: number[];
  /** Grid steps per bar of the primer: lets whole continuation bars restate prompt bars; absent = none. */
  stepsPerBar?: number;
}

export interface WorkerStats {
  /** Model forward passes run by `generate` since the worker started. */
  generateRuns: number;
  /** Checkpoints loaded since the worker started. */
  modelLoads: number;
}

/** The worker's methods, as the client sees them (results are resolved values). */
export interface AiMethods {
  loadModel(model: ModelRef): ModelInfo;
  generate(request: GenerateRequest): number[];
  /** `tf.memory().numTensors` inside the worker, for leak tests. */
  memory(): { numTensors: number; backend: string };
  stats(): WorkerStats;
}

export type AiMethodName = keyof AiMethods;
export type AiArgs<M extends AiMethodName> = Parameters<AiMethods[M]>;
export type AiResult<M extends AiMethodName> = ReturnType<AiMethods[M]>;

export type CallMessage = {
  [M in AiMethodName]: { type: 'call'; id: number; method: M; args: AiArgs<M> };
}[AiMethodName];

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type RequestMessage = CallMessage | CancelMessage;

export interface WireError {
  name: string;
  message: string;
  /** True when the call was cancelled before it ran. */
  cancelled?: boolean;
}

export type ResponseMessage =
  | { type: 'result'; id: number; value: AiResult<AiMethodName> }
  | { type: 'error'; id: number; error: WireError };

/** Turns anything thrown into data that crosses the boundary. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error a client-side promise rejects with for a WireError. */
export class AiWorkerError extends Error {
  readonly cancelled: boolean;

  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name === 'Error' ? 'AiWorkerError' : wire.name;
    this.cancelled = wire.cancelled === true;
  }
}

/** Runtime check for messages arriving at the worker (they come from outside the type system). */
export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; id?: unknown; method?: unknown; args?: unknown };
  if (typeof message.id !== 'number') return false;
  if (message.type === 'cancel') return true;
  return message.type === 'call' && typeof message.method === 'string' && Array.isArray(message.args);
}

/** Runtime check for messages arriving at the client. */
export function isResponseMessage(value: unknown): value is ResponseMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; id?: unknown };
  return typeof message.id === 'number' && (message.type === 'result' || message.type === 'error');
}

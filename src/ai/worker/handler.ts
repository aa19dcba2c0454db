/**
 * The AI worker's message handler, shared by the browser and Node adapters (`browser.ts`,
 * `node.ts`), which only move messages. Calls run one at a time, in arrival order; before each
 * starts, the handler yields to the event loop so that `cancel` messages sent meanwhile are seen.
 */
import * as tf from '@tensorflow/tfjs';
import { loadMelodyModel, type CheckpointSource, type MelodyModel } from '../melody/model.ts';
import {
  isRequestMessage,
  toWireError,
  type AiResult,
  type CallMessage,
  type GenerateRequest,
  type ModelInfo,
  type ModelRef,
  type ResponseMessage,
  type WorkerStats,
} from '../protocol.ts';

export interface WorkerEnvironment {
  /** Starts the tfjs backend; awaited once, before the first model loads. */
  setupBackend(): Promise<unknown>;
  /** The repo's melody checkpoint, as this environment reads it. */
  defaultCheckpoint(): CheckpointSource;
  /** Replaces `loadMelodyModel` (tests). */
  loadModel?(source: CheckpointSource): Promise<MelodyModel>;
}

export interface AiHandler {
  /** Handles one incoming message; `reply` receives the response for a call. */
  receive(message: unknown, reply: (response: ResponseMessage) => void): void;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function refKey(ref: ModelRef): string {
  return ref.kind === 'default' ? 'default' : `url:${ref.url}`;
}

export function createAiHandler(env: WorkerEnvironment): AiHandler {
  const models = new Map<string, Promise<MelodyModel>>();
  const queued = new Set<number>();
  const cancelled = new Set<number>();
  const stats: WorkerStats = { generateRuns: 0, modelLoads: 0 };
  let backend: Promise<unknown> | null = null;
  let queue: Promise<void> = Promise.resolve();

  function model(ref: ModelRef): Promise<MelodyModel> {
    const key = refKey(ref);
    let loading = models.get(key);
    if (!loading) {
      backend ??= env.setupBackend();
      const source: CheckpointSource = ref.kind === 'default' ? env.defaultCheckpoint() : { kind: 'url', url: ref.url };
      const load = env.loadModel ?? loadMelodyModel;
      loading = backend.then(() => load(source)).then((loaded) => {
        stats.modelLoads++;
        return loaded;
      });
      models.set(key, loading);
      // A failed load is forgotten, so a later call may try again (e.g. once a server is up).
      loading.catch(() => models.delete(key));
    }
    return loading;
  }

  async function info(ref: ModelRef): Promise<ModelInfo> {
    const loaded = await model(ref);
    const { minPitch, maxPitch, stepsPerQuarter, layers } = loaded.config;
    return { minPitch, maxPitch, stepsPerQuarter, layers: [...layers], weightsHash: loaded.weightsHash };
  }

  async function generate(request: GenerateRequest): Promise<number[]> {
    const loaded = await model(request.model);
    const { primer, steps, temperature, seed, allowedPitchClasses, stepsPerBar } = request;
    stats.generateRuns++;
    return loaded.generate(primer, { steps, temperature, seed, allowedPitchClasses, ...(stepsPerBar !== undefined ? { stepsPerBar } : {}) });
  }

  async function run(call: CallMessage): Promise<AiResult<CallMessage['method']>> {
    switch (call.method) {
      case 'loadModel':
        return info(...call.args);
      case 'generate':
        return generate(...call.args);
      case 'memory':
        return { numTensors: tf.memory().numTensors, backend: tf.getBackend() };
      case 'stats':
        return { ...stats };
    }
  }

  async function process(call: CallMessage, reply: (response: ResponseMessage) => void): Promise<void> {
    await yieldToEvents();
    queued.delete(call.id);
    if (cancelled.delete(call.id)) {
      reply({ type: 'error', id: call.id, error: { name: 'AbortError', message: `${call.method} was cancelled`, cancelled: true } });
      return;
    }
    try {
      reply({ type: 'result', id: call.id, value: await run(call) });
    } catch (error) {
      reply({ type: 'error', id: call.id, error: toWireError(error) });
    }
  }

  return {
    receive(message, reply) {
      if (!isRequestMessage(message)) return;
      if (message.type === 'cancel') {
        if (queued.has(message.id)) cancelled.add(message.id);
        return;
      }
      queued.add(message.id);
      queue = queue.then(() => process(message, reply));
    },
  };
}

/**
 * The melody model behind `.continue()`: a Magenta-compatible MusicRNN (melody_rnn basic encoding)
 * that continues a primer of MelodyRNN events, decoded by `decode.ts` (seeded sampling on the JS
 * side, so the same seed gives the same events in Node and browsers).
 */
import * as tf from '@tensorflow/tfjs';
import { eventDepth } from '../encodings/melody.ts';
import type { MelodyModelConfig } from './config.ts';
import { loadWeights, type CheckpointSource } from './checkpoint.ts';
import { disposeInference, disposeParams, inferStep, prepareInference, zeroState, type InferenceWeights, type LstmParams, type LstmState } from './lstm.ts';
import { decodeContinuation, type DecodeOptions, type StepSession } from './decode.ts';

export type { MelodyModelConfig } from './config.ts';
export type { CheckpointSource } from './checkpoint.ts';

/** See `decodeContinuation`: steps, temperature, seed, scale mask, and bars for restatement. */
export type MelodyGenerateOptions = DecodeOptions;

export interface MelodyModel {
  readonly config: MelodyModelConfig;
  /** Hex SHA-256 of the weight bytes, for cache keys. */
  readonly weightsHash: string;
  /** primer: MelodyRNN event ids (non-empty); returns exactly `steps` new event ids. Deterministic for a seed. */
  generate(primer: number[], options: MelodyGenerateOptions): number[];
  dispose(): void;
}

/** The LSTM as a `StepSession`: its state after the events fed so far, and the next event's logits. */
class LstmSession implements StepSession<LstmStep> {
  private current: LstmStep;

  constructor(
    private readonly weights: InferenceWeights,
    params: LstmParams,
  ) {
    this.current = { state: tf.tidy(() => zeroState(params, 1)), logits: null };
  }

  distribution(temperature: number): Float32Array {
    const logits = this.current.logits;
    if (logits === null) throw new Error('MelodyModel: no event fed yet');
    const probs = tf.tidy(() => tf.softmax(tf.div(logits, temperature)));
    const values = probs.dataSync() as Float32Array;
    probs.dispose();
    return values;
  }

  feed(event: number): void {
    const next = tf.tidy(() => inferStep(this.weights, event, this.current.state));
    disposeStep(this.current);
    this.current = next;
  }

  mark(): LstmStep {
    return cloneStep(this.current);
  }

  restore(mark: LstmStep): void {
    disposeStep(this.current);
    this.current = cloneStep(mark);
  }

  release(mark: LstmStep): void {
    disposeStep(mark);
  }

  dispose(): void {
    disposeStep(this.current);
  }
}

interface LstmStep {
  state: LstmState;
  logits: tf.Tensor2D | null;
}

function cloneStep(step: LstmStep): LstmStep {
  return {
    state: { c: step.state.c.map((t) => tf.clone(t)), h: step.state.h.map((t) => tf.clone(t)) },
    logits: step.logits === null ? null : tf.clone(step.logits),
  };
}

function disposeStep(step: LstmStep): void {
  tf.dispose([...step.state.c, ...step.state.h, ...(step.logits ? [step.logits] : [])]);
}

class LstmMelodyModel implements MelodyModel {
  private disposed = false;
  private readonly weights: InferenceWeights;

  constructor(
    readonly config: MelodyModelConfig,
    readonly weightsHash: string,
    private readonly params: LstmParams,
  ) {
    this.weights = prepareInference(params);
  }

  generate(primer: number[], options: MelodyGenerateOptions): number[] {
    if (this.disposed) throw new Error('MelodyModel.generate: the model was disposed');
    const depth = eventDepth(this.config);
    if (primer.length === 0) throw new RangeError('MelodyModel.generate: the primer must not be empty');
    const bad = primer.find((e) => !Number.isInteger(e) || e < 0 || e >= depth);
    if (bad !== undefined) throw new RangeError(`MelodyModel.generate: primer event ${bad} is outside 0..${depth - 1}`);
    if (!Number.isInteger(options.steps) || options.steps < 0) {
      throw new RangeError(`MelodyModel.generate: steps must be a non-negative integer, got ${options.steps}`);
    }
    if (options.steps === 0) return [];
    const session = new LstmSession(this.weights, this.params);
    try {
      return decodeContinuation(session, primer, this.config, options);
    } finally {
      session.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeInference(this.weights);
    disposeParams(this.params);
  }
}

/** Wraps weights (taking ownership of the tensors) as a MelodyModel. */
export function createMelodyModel(config: MelodyModelConfig, params: LstmParams, weightsHash: string): MelodyModel {
  return new LstmMelodyModel(config, weightsHash, params);
}

/** Loads a Magenta MusicRNN melody checkpoint (ours or an official one) from a URL or files. */
export async function loadMelodyModel(source: CheckpointSource): Promise<MelodyModel> {
  const { config, params, weightsHash } = await loadWeights(source);
  return createMelodyModel(config, params, weightsHash);
}

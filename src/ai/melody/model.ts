/**
 * The melody model behind `.continue()`: a Magenta-compatible MusicRNN (melody_rnn basic encoding)
 * that continues a primer of MelodyRNN events. Sampling is seeded and done on the JS side, so the
 * same seed gives the same events in Node and browsers.
 */
import * as tf from '@tensorflow/tfjs';
import { allowedEventMask, eventDepth } from '../encodings/melody.ts';
import type { MelodyModelConfig } from './config.ts';
import { loadWeights, type CheckpointSource } from './checkpoint.ts';
import { disposeInference, disposeParams, inferStep, prepareInference, zeroState, type InferenceWeights, type LstmParams, type LstmState } from './lstm.ts';
import { planRestatement } from './restate.ts';
import { argmaxIndex, mulberry32, sampleIndex } from './sampling.ts';

export type { MelodyModelConfig } from './config.ts';
export type { CheckpointSource } from './checkpoint.ts';

export interface MelodyGenerateOptions {
  steps: number;
  /** Softmax temperature; 0 (or less) picks the most probable event. */
  temperature: number;
  seed: number;
  /** Scale constraint: pitch classes 0-11 that note-ons may use. */
  allowedPitchClasses?: number[];
  /**
   * Grid steps per bar of the primer (bars counted from its first step). When given, whole bars
   * of the continuation may restate prompt bars (see `planRestatement`); absent = none.
   */
  stepsPerBar?: number;
}

export interface MelodyModel {
  readonly config: MelodyModelConfig;
  /** Hex SHA-256 of the weight bytes, for cache keys. */
  readonly weightsHash: string;
  /** primer: MelodyRNN event ids (non-empty); returns exactly `steps` new event ids. Deterministic for a seed. */
  generate(primer: number[], options: MelodyGenerateOptions): number[];
  dispose(): void;
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
    const random = mulberry32(options.seed);
    const allowed = allowedEventMask(this.config, options.allowedPitchClasses);
    const greedy = !(options.temperature > 0);
    const forced =
      options.stepsPerBar === undefined
        ? null
        : planRestatement(primer, { stepsPerBar: options.stepsPerBar, steps: options.steps, seed: options.seed, allowed });
    const out: number[] = [];
    let state: LstmState = tf.tidy(() => zeroState(this.params, 1));
    let logits: tf.Tensor2D | null = null;
    const feed = (event: number): void => {
      const next = tf.tidy(() => inferStep(this.weights, event, state));
      tf.dispose([...state.c, ...state.h]);
      if (logits !== null) logits.dispose();
      state = next.state;
      logits = next.logits;
    };
    try {
      for (const event of primer) feed(event);
      while (out.length < options.steps) {
        const current = logits as tf.Tensor2D | null;
        if (current === null) throw new Error('unreachable: no logits after the primer');
        let event: number;
        const force = forced?.[out.length] ?? null;
        if (force !== null) {
          event = force;
        } else if (greedy) {
          event = argmaxIndex(current.dataSync(), allowed);
        } else {
          const probs = tf.tidy(() => tf.softmax(tf.div(current, options.temperature)));
          const values = probs.dataSync();
          probs.dispose();
          event = sampleIndex(values, random, allowed);
        }
        out.push(event);
        if (out.length < options.steps) feed(event);
      }
    } finally {
      tf.dispose([...state.c, ...state.h]);
      if (logits !== null) (logits as tf.Tensor).dispose();
    }
    return out;
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

/**
 * The melody model's configuration and its Magenta MusicRNN checkpoint spec (`config.json`).
 * Pure: no tfjs.
 */
import { eventDepth } from '../encodings/melody.ts';

export interface MelodyModelConfig {
  minPitch: number;
  maxPitch: number;
  stepsPerQuarter: number;
  /** LSTM sizes, bottom layer first. */
  layers: number[];
}

/** The `config.json` of a Magenta MusicRNN melody checkpoint (extra fields are ignored by Magenta). */
export interface MusicRnnSpec {
  type: 'MusicRNN';
  dataConverter: { type: 'MelodyConverter'; args: { minPitch: number; maxPitch: number } };
  /** Motif's additions; absent in Magenta's own checkpoints. */
  motif?: { stepsPerQuarter: number; layers: number[] };
}

/** Magenta melody checkpoints use a 16th-note grid. */
export const DEFAULT_STEPS_PER_QUARTER = 4;

export function specFromConfig(config: MelodyModelConfig): MusicRnnSpec {
  return {
    type: 'MusicRNN',
    dataConverter: { type: 'MelodyConverter', args: { minPitch: config.minPitch, maxPitch: config.maxPitch } },
    motif: { stepsPerQuarter: config.stepsPerQuarter, layers: [...config.layers] },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the pitch range and grid from a parsed `config.json`; throws a descriptive Error otherwise. */
export function readSpec(json: unknown): { minPitch: number; maxPitch: number; stepsPerQuarter: number } {
  if (!isRecord(json) || json.type !== 'MusicRNN') {
    throw new Error(`config.json: expected "type": "MusicRNN", got ${isRecord(json) ? JSON.stringify(json.type) : typeof json}`);
  }
  const converter = json.dataConverter;
  if (!isRecord(converter) || converter.type !== 'MelodyConverter') {
    const type = isRecord(converter) ? JSON.stringify(converter.type) : 'nothing';
    throw new Error(`config.json: only MelodyConverter checkpoints are supported, got dataConverter ${type}`);
  }
  if (json.chordEncoder !== undefined || json.attentionLength !== undefined) {
    throw new Error('config.json: chord-conditioned and attention checkpoints are not supported');
  }
  const args = converter.args;
  const minPitch = isRecord(args) ? args.minPitch : undefined;
  const maxPitch = isRecord(args) ? args.maxPitch : undefined;
  if (typeof minPitch !== 'number' || typeof maxPitch !== 'number' || !(minPitch <= maxPitch)) {
    throw new Error('config.json: dataConverter.args needs numeric minPitch <= maxPitch');
  }
  const motif = json.motif;
  const spq = isRecord(motif) && typeof motif.stepsPerQuarter === 'number' ? motif.stepsPerQuarter : DEFAULT_STEPS_PER_QUARTER;
  return { minPitch, maxPitch, stepsPerQuarter: spq };
}

export const kernelName = (layer: number): string => `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/kernel`;
export const biasName = (layer: number): string => `rnn/multi_rnn_cell/cell_${layer}/basic_lstm_cell/bias`;
export const FC_WEIGHTS = 'fully_connected/weights';
export const FC_BIASES = 'fully_connected/biases';

/** Every variable of a checkpoint with this config, with its expected shape, in export order. */
export function expectedShapes(config: MelodyModelConfig): Array<{ name: string; shape: number[] }> {
  const depth = eventDepth(config);
  const out: Array<{ name: string; shape: number[] }> = [];
  let input = depth;
  config.layers.forEach((size, l) => {
    out.push({ name: kernelName(l), shape: [input + size, 4 * size] });
    out.push({ name: biasName(l), shape: [4 * size] });
    input = size;
  });
  out.push({ name: FC_WEIGHTS, shape: [input, depth] });
  out.push({ name: FC_BIASES, shape: [depth] });
  return out;
}

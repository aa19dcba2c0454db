/**
 * Magenta MusicRNN checkpoints: `config.json` + tfjs `weights_manifest.json` + shard(s), read from
 * a URL or any file reader, and written by `exportCheckpoint`.
 */
import * as tf from '@tensorflow/tfjs';
import { eventDepth } from '../encodings/melody.ts';
import {
  FC_BIASES,
  FC_WEIGHTS,
  biasName,
  expectedShapes,
  kernelName,
  readSpec,
  specFromConfig,
  type MelodyModelConfig,
} from './config.ts';
import type { LstmParams } from './lstm.ts';
import { sha256Hex } from './sha256.ts';

export type CheckpointSource =
  | { kind: 'url'; url: string; /** Default CHECKPOINT_TIMEOUT_MS. */ timeoutMs?: number }
  | { kind: 'files'; read(relativePath: string): Promise<ArrayBuffer | Uint8Array> };

export const CONFIG_FILE = 'config.json';
export const MANIFEST_FILE = 'weights_manifest.json';
export const SHARD_FILE = 'group1-shard1of1.bin';

export interface LoadedWeights {
  config: MelodyModelConfig;
  params: LstmParams;
  weightsHash: string;
}

function describe(source: CheckpointSource): string {
  return source.kind === 'url' ? source.url : 'files';
}

/** How long one file of a checkpoint at a URL may take to arrive, headers and body. */
export const CHECKPOINT_TIMEOUT_MS = 20_000;
/** The largest checkpoint file read (Motif's own model is 0.4 MB; Magenta's basic_rnn 13 MB). */
export const MAX_CHECKPOINT_FILE_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A response's body, refusing one larger than MAX_CHECKPOINT_FILE_BYTES before and while reading it. */
async function boundedBody(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_CHECKPOINT_FILE_BYTES) throw new Error(`${megabytes(declared)} is more than the ${megabytes(MAX_CHECKPOINT_FILE_BYTES)} a checkpoint file may have`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_CHECKPOINT_FILE_BYTES) {
      await reader.cancel();
      throw new Error(`more than the ${megabytes(MAX_CHECKPOINT_FILE_BYTES)} a checkpoint file may have`);
    }
    parts.push(value);
  }
  return concatBytes(parts);
}

/** Reads one file of the checkpoint as bytes; errors name the checkpoint and the file. */
async function readBytes(source: CheckpointSource, path: string): Promise<Uint8Array> {
  try {
    if (source.kind === 'url') {
      const url = `${source.url.replace(/\/+$/, '')}/${path}`;
      const timeoutMs = source.timeoutMs ?? CHECKPOINT_TIMEOUT_MS;
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetch(url, { signal });
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        return await boundedBody(response);
      } catch (error) {
        if (signal.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s`);
        throw error;
      }
    }
    const data = await source.read(path);
    return data instanceof Uint8Array ? data : new Uint8Array(data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load melody checkpoint from ${describe(source)}: ${path}: ${reason}`);
  }
}

async function readJson(source: CheckpointSource, path: string): Promise<unknown> {
  const bytes = await readBytes(source, path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new Error(`Melody checkpoint ${describe(source)}: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const shapeText = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** Loads and validates the weights; tensors belong to the caller (dispose them). */
export async function loadWeights(source: CheckpointSource): Promise<LoadedWeights> {
  const range = readSpec(await readJson(source, CONFIG_FILE));
  const manifest = (await readJson(source, MANIFEST_FILE)) as tf.io.WeightsManifestConfig;
  checkManifest(manifest, describe(source));
  const named: tf.NamedTensorMap = {};
  const allBytes: Uint8Array[] = [];
  try {
    for (const group of manifest) {
      const bytes = concatBytes(await Promise.all(group.paths.map((p) => readBytes(source, p))));
      allBytes.push(bytes);
      const exact = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      Object.assign(named, tf.io.decodeWeights(exact, group.weights));
    }
    const params = paramsFromNamed(named, range, describe(source));
    checkFinite(params, describe(source));
    const used = new Set<tf.Tensor>([...params.kernels, ...params.biases, params.fcWeights, params.fcBiases]);
    tf.dispose(Object.values(named).filter((t) => !used.has(t)));
    const layers = params.biases.map((b) => b.shape[0] / 4);
    return { config: { ...range, layers }, params, weightsHash: sha256Hex(concatBytes(allBytes)) };
  } catch (error) {
    tf.dispose(Object.values(named));
    throw error;
  }
}

/** A manifest's shape: groups with `paths` (plain relative file names) and `weights` lists. */
function checkManifest(manifest: unknown, where: string): asserts manifest is tf.io.WeightsManifestConfig {
  const fail = (why: string): never => {
    throw new Error(`Melody checkpoint ${where}: ${MANIFEST_FILE} ${why}`);
  };
  if (!Array.isArray(manifest)) fail('is not a list of weight groups');
  (manifest as unknown[]).forEach((group, i) => {
    const g = group as { paths?: unknown; weights?: unknown } | null;
    if (typeof g !== 'object' || g === null) fail(`group ${i + 1} is not an object`);
    if (!Array.isArray(g!.paths) || !g!.paths.every((p) => typeof p === 'string')) fail(`group ${i + 1} has no "paths" list of file names`);
    if (!Array.isArray(g!.weights)) fail(`group ${i + 1} has no "weights" list`);
    for (const path of g!.paths as string[]) {
      if (path === '' || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.split(/[\\/]/).includes('..')) {
        fail(`group ${i + 1} names ${JSON.stringify(path)}: only files beside the manifest can be read`);
      }
    }
  });
}

/** Fails when a variable holds NaN or infinite values (a diverged training run, a damaged file). */
function checkFinite(params: LstmParams, where: string): void {
  const named: Array<[string, tf.Tensor]> = [
    ...params.kernels.map((t, l): [string, tf.Tensor] => [kernelName(l), t]),
    ...params.biases.map((t, l): [string, tf.Tensor] => [biasName(l), t]),
    [FC_WEIGHTS, params.fcWeights],
    [FC_BIASES, params.fcBiases],
  ];
  for (const [name, tensor] of named) {
    const bad = tf.tidy(() => tf.logicalNot(tf.all(tf.isFinite(tensor))).dataSync()[0]);
    if (bad) throw new Error(`Melody checkpoint ${where}: variable '${name}' holds NaN or infinite values`);
  }
}

/** Picks Magenta's variables by name and checks every shape against the config. */
function paramsFromNamed(
  named: tf.NamedTensorMap,
  range: { minPitch: number; maxPitch: number },
  where: string,
): LstmParams {
  if (Object.keys(named).some((name) => name.includes('attention'))) {
    throw new Error(`Melody checkpoint ${where}: attention checkpoints are not supported`);
  }
  const layers: number[] = [];
  while (named[biasName(layers.length)] !== undefined) layers.push(named[biasName(layers.length)].shape[0] / 4);
  if (layers.length === 0) throw new Error(`Melody checkpoint ${where}: variable '${biasName(0)}' is missing`);
  const expected = expectedShapes({ ...range, stepsPerQuarter: 4, layers });
  for (const { name, shape } of expected) {
    const tensor = named[name];
    if (tensor === undefined) throw new Error(`Melody checkpoint ${where}: variable '${name}' is missing (expected shape ${shapeText(shape)})`);
    if (tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i])) {
      throw new Error(
        `Melody checkpoint ${where}: variable '${name}' has shape ${shapeText(tensor.shape)}, expected ${shapeText(shape)} ` +
          `(pitch range ${range.minPitch}..${range.maxPitch}: depth ${eventDepth(range)}; LSTM sizes ${layers.join('x')})`,
      );
    }
  }
  return {
    kernels: layers.map((_, l) => named[kernelName(l)] as tf.Tensor2D),
    biases: layers.map((_, l) => named[biasName(l)] as tf.Tensor1D),
    fcWeights: named[FC_WEIGHTS] as tf.Tensor2D,
    fcBiases: named[FC_BIASES] as tf.Tensor1D,
  };
}

/** The files of a checkpoint in Magenta's format (float32, one shard), by relative path. */
export async function exportCheckpoint(config: MelodyModelConfig, params: LstmParams): Promise<Map<string, Uint8Array>> {
  const tensors: Array<{ name: string; tensor: tf.Tensor }> = [];
  params.kernels.forEach((kernel, l) => {
    tensors.push({ name: kernelName(l), tensor: kernel });
    tensors.push({ name: biasName(l), tensor: params.biases[l] });
  });
  tensors.push({ name: FC_WEIGHTS, tensor: params.fcWeights }, { name: FC_BIASES, tensor: params.fcBiases });
  const { data, specs } = await tf.io.encodeWeights(tensors);
  const manifest: tf.io.WeightsManifestConfig = [{ paths: [SHARD_FILE], weights: specs }];
  const text = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n');
  return new Map([
    [CONFIG_FILE, text(specFromConfig(config))],
    [MANIFEST_FILE, text(manifest)],
    [SHARD_FILE, new Uint8Array(data)],
  ]);
}

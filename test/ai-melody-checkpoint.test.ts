import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventDepth, eventToPitch } from '../src/ai/encodings/melody.ts';
import { exportCheckpoint, loadWeights, SHARD_FILE } from '../src/ai/melody/checkpoint.ts';
import type { MelodyModelConfig } from '../src/ai/melody/config.ts';
import { FORGET_BIAS, sequenceLogits, stepLogits, zeroState, type LstmParams } from '../src/ai/melody/lstm.ts';
import { loadMelodyModel, type MelodyModel } from '../src/ai/melody/model.ts';
import { sha256Hex } from '../src/ai/melody/sha256.ts';
import { initialParams } from '../src/ai/melody/training.ts';
import { plainTransposeBatchMatMulGradient, registerPlainTransposeMatMulGradient } from '../src/ai/tf/matmul-gradient.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const config: MelodyModelConfig = { minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [16, 12] };
let files: Map<string, Uint8Array>;
let params: LstmParams;
let server: Server;
let baseUrl: string;
const served = new Map<string, Map<string, Uint8Array>>();

beforeAll(async () => {
  const choice = await setupNodeBackend();
  expect(choice.backend).toBe('wasm');
  const training = initialParams(config, 42);
  // Non-zero biases so the bias path is exercised.
  // variables: kernels, biases, fc weights, fc biases
  const layers = config.layers.length;
  const biases = [...training.variables.slice(layers, 2 * layers), training.variables[2 * layers + 1]];
  biases.forEach((b, i) => b.assign(tf.randomNormal(b.shape, 0, 0.5, 'float32', 7 + i)));
  params = training.params;
  files = await exportCheckpoint(config, params);
  served.set('good', files);
  server = createServer((req, res) => {
    const [, name, ...rest] = (req.url ?? '').split('/');
    const file = served.get(name)?.get(rest.join('/'));
    if (file === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('LSTM matches TF1 BasicLSTMCell (as used by Magenta MusicRNN)', () => {
  test('one step equals tf.multiRNNCell over tf.basicLSTMCell', () => {
    const events = [5, 0, 17];
    const diff = tf.tidy(() => {
      const depth = eventDepth(config);
      const state = zeroState(params, events.length);
      const ours = stepLogits(params, events, state);
      const forget = tf.scalar(FORGET_BIAS);
      const cells = params.kernels.map(
        (k, l) => (data: tf.Tensor2D, c: tf.Tensor2D, h: tf.Tensor2D) => tf.basicLSTMCell(forget, k, params.biases[l], data, c, h),
      );
      const x = tf.oneHot(tf.tensor1d(events, 'int32'), depth).toFloat() as tf.Tensor2D;
      const [, h] = tf.multiRNNCell(cells, x, state.c, state.h);
      const reference = tf.add(tf.matMul(h[h.length - 1], params.fcWeights), params.fcBiases);
      return tf.max(tf.abs(tf.sub(ours.logits, reference))).dataSync()[0];
    });
    expect(diff).toBeLessThan(1e-5);
  });

  test('the sequence path equals stepping one event at a time', () => {
    const seq = [14, 0, 1, 16, 0, 18, 18, 1];
    const diff = tf.tidy(() => {
      const all = sequenceLogits(params, tf.tensor2d([seq], undefined, 'int32'));
      let state = zeroState(params, 1);
      const rows: tf.Tensor2D[] = [];
      for (const e of seq) {
        const step = stepLogits(params, [e], state);
        state = step.state;
        rows.push(step.logits);
      }
      return tf.max(tf.abs(tf.sub(all, tf.concat(rows, 0)))).dataSync()[0];
    });
    expect(diff).toBeLessThan(1e-5);
  });
});

describe('BatchMatMul gradient that transposes explicitly', () => {
  test('matches the stock gradient to 1e-5 for every transpose combination and a batched case', () => {
    const cases: Array<{ a: number[]; b: number[]; ta: boolean; tb: boolean }> = [
      { a: [5, 7], b: [7, 3], ta: false, tb: false },
      { a: [5, 7], b: [3, 7], ta: false, tb: true },
      { a: [7, 5], b: [7, 3], ta: true, tb: false },
      { a: [7, 5], b: [3, 7], ta: true, tb: true },
      { a: [2, 5, 7], b: [2, 7, 3], ta: false, tb: false },
      { a: [2, 7, 5], b: [2, 3, 7], ta: true, tb: true },
    ];
    const gradients = (): number[][][] =>
      cases.map(({ a, b, ta, tb }, i) =>
        tf.tidy(() => {
          const A = tf.randomNormal(a, 0, 1, 'float32', 10 + i);
          const B = tf.randomNormal(b, 0, 1, 'float32', 20 + i);
          const f = (x: tf.Tensor, y: tf.Tensor): tf.Tensor => {
            const out = tf.matMul(x, y, ta, tb);
            return tf.sum(tf.mul(out, tf.randomNormal(out.shape, 0, 1, 'float32', 30 + i)));
          };
          return tf.grads(f)([A, B]).map((g) => Array.from(g.dataSync()));
        }),
      );
    const stock = gradients();
    registerPlainTransposeMatMulGradient();
    expect(tf.getGradient('BatchMatMul')?.gradFunc).toBe(plainTransposeBatchMatMulGradient.gradFunc);
    const plain = gradients();
    let maxDiff = 0;
    stock.forEach((pair, i) => pair.forEach((g, j) => g.forEach((v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - plain[i][j][k]))))));
    expect(maxDiff).toBeLessThan(1e-5);
    expect(stock.flat(2).some((v) => v !== 0)).toBe(true);
  });
});

describe('checkpoints in Magenta MusicRNN format', () => {
  test('export writes config.json, the manifest with Magenta names and one shard', () => {
    const spec = JSON.parse(new TextDecoder().decode(files.get('config.json')));
    expect(spec).toMatchObject({ type: 'MusicRNN', dataConverter: { type: 'MelodyConverter', args: { minPitch: 48, maxPitch: 83 } } });
    const manifest = JSON.parse(new TextDecoder().decode(files.get('weights_manifest.json')));
    const names = manifest[0].weights.map((w: { name: string; shape: number[] }) => `${w.name} ${w.shape.join('x')}`);
    expect(names).toEqual([
      'rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel 54x64',
      'rnn/multi_rnn_cell/cell_0/basic_lstm_cell/bias 64',
      'rnn/multi_rnn_cell/cell_1/basic_lstm_cell/kernel 28x48',
      'rnn/multi_rnn_cell/cell_1/basic_lstm_cell/bias 48',
      'fully_connected/weights 12x38',
      'fully_connected/biases 38',
    ]);
  });

  test('loads from a URL on 127.0.0.1 and from files identically; the hash is SHA-256 of the weight bytes', async () => {
    const fromUrl = await loadMelodyModel({ kind: 'url', url: `${baseUrl}/good/` });
    const fromFiles = await loadMelodyModel({ kind: 'files', read: async (p) => files.get(p) ?? new Uint8Array() });
    try {
      expect(fromUrl.config).toEqual({ minPitch: 48, maxPitch: 83, stepsPerQuarter: 4, layers: [16, 12] });
      expect(fromUrl.weightsHash).toBe(sha256Hex(files.get(SHARD_FILE) ?? new Uint8Array()));
      expect(fromUrl.weightsHash).toMatch(/^[0-9a-f]{64}$/);
      const options = { steps: 32, temperature: 1, seed: 9 };
      expect(fromUrl.generate([14, 0, 16], options)).toEqual(fromFiles.generate([14, 0, 16], options));
    } finally {
      fromUrl.dispose();
      fromFiles.dispose();
    }
  });

  test('a URL that fails gives an error naming the URL, the file and the status', async () => {
    await expect(loadMelodyModel({ kind: 'url', url: `${baseUrl}/missing` })).rejects.toThrow(
      new RegExp(`Could not load melody checkpoint from ${baseUrl}/missing: config.json: HTTP 404`),
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(loadMelodyModel({ kind: 'url', url: `http://127.0.0.1:${port}` })).rejects.toThrow(/Could not load melody checkpoint from .*config\.json/);
  });

  test('hostile checkpoints: a server that never answers, a manifest without paths or reaching outside, NaN weights', async () => {
    const silent = createServer(() => undefined); // accepts the connection, never replies
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/model`;
    try {
      const started = Date.now();
      await expect(loadWeights({ kind: 'url', url: silentUrl, timeoutMs: 300 })).rejects.toThrow(`Could not load melody checkpoint from ${silentUrl}: config.json: no answer within 0.3 s`);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    const text = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('weights_manifest.json')!)) as Array<{ paths: string[]; weights: unknown[] }>;
    served.set('nopaths', new Map([...files, ['weights_manifest.json', text([{ weights: manifest[0]!.weights }])]]));
    await expect(loadWeights({ kind: 'url', url: `${baseUrl}/nopaths` })).rejects.toThrow('weights_manifest.json group 1 has no "paths" list of file names');
    served.set('outside', new Map([...files, ['weights_manifest.json', text([{ ...manifest[0], paths: ['../good/group1-shard1of1.bin'] }])]]));
    await expect(loadWeights({ kind: 'url', url: `${baseUrl}/outside` })).rejects.toThrow('only files beside the manifest can be read');
    const nan = new Float32Array(files.get(SHARD_FILE)!.byteLength / 4).fill(NaN);
    served.set('nan', new Map([...files, [SHARD_FILE, new Uint8Array(nan.buffer)]]));
    const before = tf.memory().numTensors;
    await expect(loadWeights({ kind: 'url', url: `${baseUrl}/nan` })).rejects.toThrow(/variable '.*' holds NaN or infinite values/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('wrong shapes are reported with the variable, actual and expected shape', async () => {
    const wrongRange = new Map(files);
    wrongRange.set('config.json', new TextEncoder().encode(JSON.stringify({ type: 'MusicRNN', dataConverter: { type: 'MelodyConverter', args: { minPitch: 48, maxPitch: 84 } } })));
    served.set('wrong', wrongRange);
    const before = tf.memory().numTensors;
    await expect(loadMelodyModel({ kind: 'url', url: `${baseUrl}/wrong` })).rejects.toThrow(
      /variable 'rnn\/multi_rnn_cell\/cell_0\/basic_lstm_cell\/kernel' has shape \[54, 64\], expected \[55, 64\]/,
    );
    expect(tf.memory().numTensors).toBe(before);
    const notMelody = new Map(files);
    notMelody.set('config.json', new TextEncoder().encode(JSON.stringify({ type: 'MusicVAE' })));
    served.set('vae', notMelody);
    await expect(loadMelodyModel({ kind: 'url', url: `${baseUrl}/vae` })).rejects.toThrow(/expected "type": "MusicRNN"/);
  });
});

describe('generation', () => {
  let model: MelodyModel;
  beforeAll(async () => {
    model = await loadMelodyModel({ kind: 'files', read: async (p) => files.get(p) ?? new Uint8Array() });
  });
  afterAll(() => model.dispose());

  test('returns exactly `steps` valid events, the same for the same seed', () => {
    const a = model.generate([14, 0, 0, 16], { steps: 48, temperature: 1, seed: 5 });
    expect(a).toHaveLength(48);
    expect(a.every((e) => Number.isInteger(e) && e >= 0 && e < 38)).toBe(true);
    expect(model.generate([14, 0, 0, 16], { steps: 48, temperature: 1, seed: 5 })).toEqual(a);
    expect(model.generate([14, 0, 0, 16], { steps: 48, temperature: 1, seed: 6 })).not.toEqual(a);
    expect(model.generate([14], { steps: 0, temperature: 1, seed: 5 })).toEqual([]);
  });

  test('the scale constraint keeps note-ons in the allowed pitch classes', () => {
    const cMajor = [0, 2, 4, 5, 7, 9, 11];
    const out = model.generate([14], { steps: 200, temperature: 1.5, seed: 1, allowedPitchClasses: cMajor });
    const pitches = out.map((e) => eventToPitch(e, config)).filter((p): p is number => p !== null);
    expect(pitches.length).toBeGreaterThan(0);
    expect(pitches.every((p) => cMajor.includes(p % 12))).toBe(true);
  });

  test('temperature 0 is greedy and needs no randomness', () => {
    const a = model.generate([14, 0], { steps: 16, temperature: 0, seed: 1 });
    expect(model.generate([14, 0], { steps: 16, temperature: 0, seed: 2 })).toEqual(a);
  });

  test('bad primers are rejected', () => {
    expect(() => model.generate([], { steps: 4, temperature: 1, seed: 1 })).toThrow(/primer must not be empty/);
    expect(() => model.generate([38], { steps: 4, temperature: 1, seed: 1 })).toThrow(/outside 0\.\.37/);
  });

  test('generating, loading and disposing leak no tensors', async () => {
    const before = tf.memory().numTensors;
    model.generate([14, 0, 16], { steps: 20, temperature: 1, seed: 3 });
    model.generate([14, 0, 16], { steps: 20, temperature: 0, seed: 3, allowedPitchClasses: [0, 4, 7] });
    expect(tf.memory().numTensors).toBe(before);
    const other = await loadMelodyModel({ kind: 'files', read: async (p) => files.get(p) ?? new Uint8Array() });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await loadWeights({ kind: 'files', read: async (p) => files.get(p) ?? new Uint8Array() }).then((w) => {
      tf.dispose([...w.params.kernels, ...w.params.biases, w.params.fcWeights, w.params.fcBiases]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

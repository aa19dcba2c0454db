/**
 * Compatibility with Magenta: our exported checkpoint, served on 127.0.0.1, loads in
 * @magenta/music's own MusicRNN (tfjs 2.8 inside it), continues a melody, and its step
 * probabilities match ours.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
// node/music_rnn loads from ESM only as a default import of the .js file (a UMD bundle).
import mmRnn from '@magenta/music/node/music_rnn.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { eventsToNotes, notesToEvents, type MelodyNote } from '../src/ai/encodings/melody.ts';
import { readSpec } from '../src/ai/melody/config.ts';

// Magenta bundles tfjs 2.8, which shares tfjs's global engine: our tfjs 4 side must not run in
// this process. It runs in a child process (our loader, greedy generation, probabilities).
const repoRoot = join(import.meta.dirname, '..');
const checkpointFolder = process.env.MOTIF_MELODY_CHECKPOINT ?? join(import.meta.dirname, '..', 'models', 'melody');

interface QuantizedNote {
  pitch: number;
  quantizedStartStep: number;
  quantizedEndStep: number;
}
interface QuantizedSequence {
  notes: QuantizedNote[];
  totalQuantizedSteps: number;
  quantizationInfo: { stepsPerQuarter: number };
}
interface MagentaMusicRnn {
  initialize(): Promise<void>;
  continueSequenceAndReturnProbabilities(
    sequence: QuantizedSequence,
    steps: number,
    temperature?: number,
  ): Promise<{ sequence: Promise<{ notes: Array<Partial<QuantizedNote>> }>; probs: Float32Array[] }>;
  dispose(): void;
}
const { MusicRNN } = mmRnn as unknown as { MusicRNN: new (url: string) => MagentaMusicRnn };

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/+/, '').replace(/\.\./g, '');
    let body: Buffer;
    try {
      body = readFileSync(join(checkpointFolder, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Our side, in a child process: load from the URL, greedy continuation, its probabilities. */
async function oursGreedy(primer: number[], steps: number): Promise<{ events: number[]; probs: number[][] }> {
  const code = `
    import { setupNodeBackend } from ${JSON.stringify(join(repoRoot, 'src/ai/tf/node-backend.ts'))};
    import { loadWeights } from ${JSON.stringify(join(repoRoot, 'src/ai/melody/checkpoint.ts'))};
    import { createMelodyModel } from ${JSON.stringify(join(repoRoot, 'src/ai/melody/model.ts'))};
    import { continuationProbabilities } from ${JSON.stringify(join(repoRoot, 'src/ai/melody/probabilities.ts'))};
    await setupNodeBackend();
    const w = await loadWeights({ kind: 'url', url: ${JSON.stringify(url)} });
    const primer = ${JSON.stringify(primer)};
    const model = createMelodyModel(w.config, w.params, w.weightsHash);
    const events = model.generate(primer, { steps: ${steps}, temperature: 0, seed: 0 });
    const probs = continuationProbabilities(w.params, primer, events).map((r) => Array.from(r));
    model.dispose();
    process.stdout.write(JSON.stringify({ events, probs }));
  `;
  // Asynchronous: the child fetches the checkpoint from this process's server.
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(stdout) as { events: number[]; probs: number[][] };
}

test('Magenta MusicRNN loads our checkpoint, continues a melody, and agrees with our probabilities', async () => {
  const range = readSpec(JSON.parse(readFileSync(join(checkpointFolder, 'config.json'), 'utf8')));
  // "Twinkle twinkle" opening on a 16th grid, two bars.
  const primerNotes: MelodyNote[] = [60, 60, 67, 67, 69, 69, 67].map((pitch, i) => ({
    pitch: pitch + (range.minPitch > 60 ? 12 : 0),
    startStep: i * 4,
    endStep: i * 4 + (i === 6 ? 8 : 4),
  }));
  const primerSteps = 32;
  const steps = 32;
  const magenta = new MusicRNN(url);
  await magenta.initialize();
  const sequence: QuantizedSequence = {
    notes: primerNotes.map((n) => ({ pitch: n.pitch, quantizedStartStep: n.startStep, quantizedEndStep: n.endStep })),
    totalQuantizedSteps: primerSteps,
    quantizationInfo: { stepsPerQuarter: 4 },
  };
  // temperature undefined: Magenta picks the argmax at every step and returns its probabilities.
  const result = await magenta.continueSequenceAndReturnProbabilities(sequence, steps);
  const continuation = await result.sequence;
  expect(result.probs).toHaveLength(steps);
  // Magenta's own sampling (temperature 1) gives notes back, in the checkpoint's range.
  const sampled = await (await magenta.continueSequenceAndReturnProbabilities(sequence, 64, 1.0)).sequence;
  magenta.dispose();
  expect(sampled.notes.length).toBeGreaterThan(0);
  expect(sampled.notes.every((n) => (n.pitch ?? 0) >= range.minPitch && (n.pitch ?? 0) <= range.maxPitch)).toBe(true);

  const ours = await oursGreedy(notesToEvents(primerNotes, primerSteps, range), steps);
  let maxDiff = 0;
  ours.probs.forEach((row, i) => row.forEach((p, k) => (maxDiff = Math.max(maxDiff, Math.abs(p - result.probs[i][k])))));
  expect(ours.probs).toHaveLength(steps);
  expect(maxDiff).toBeLessThan(1e-4);
  const theirNotes = continuation.notes.map((n) => ({ pitch: n.pitch, startStep: n.quantizedStartStep ?? 0, endStep: n.quantizedEndStep }));
  expect(theirNotes).toEqual(eventsToNotes(ours.events, range));
});

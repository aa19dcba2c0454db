/**
 * The committed melody weights (models/melody): size, and likelihood on held-out TEST tunes below
 * a smoothed trigram trained on the training split. Needs the Nottingham corpus: env MOTIF_DATA or
 * ../shared/data/nottingham beside the repo.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { eventDepth } from '../src/ai/encodings/melody.ts';
import { defaultNottinghamFolder, loadCorpus } from '../src/ai/data/corpus.ts';
import { loadWeights } from '../src/ai/melody/checkpoint.ts';
import { disposeParams } from '../src/ai/melody/lstm.ts';
import { sequenceNll } from '../src/ai/melody/nll.ts';
import { tunedTrigram } from '../src/ai/melody/ngram.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const repoRoot = join(import.meta.dirname, '..');
const modelFolder = join(repoRoot, 'models', 'melody');
const corpus = defaultNottinghamFolder(repoRoot);
const haveCorpus = existsSync(corpus);
const inCi = process.env.CI === 'true' || process.env.CI === '1';

describe('committed melody checkpoint', () => {
  test('is a Magenta MusicRNN checkpoint of at most 2 MB', () => {
    const manifest = JSON.parse(readFileSync(join(modelFolder, 'weights_manifest.json'), 'utf8')) as Array<{ paths: string[] }>;
    const files = ['config.json', 'weights_manifest.json', ...manifest.flatMap((g) => g.paths)];
    const bytes = files.reduce((sum, f) => sum + statSync(join(modelFolder, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(JSON.parse(readFileSync(join(modelFolder, 'config.json'), 'utf8')).type).toBe('MusicRNN');
  });

  test('the Nottingham corpus is available (required under CI)', () => {
    if (!haveCorpus && inCi) {
      throw new Error(`Nottingham corpus not found at ${corpus}: set MOTIF_DATA to the nottingham folder (with MIDI/*.mid)`);
    }
    expect(haveCorpus || !inCi).toBe(true);
  });

  test.skipIf(!haveCorpus && !inCi)(
    'beats a smoothed trigram on 20 held-out test tunes (NLL per step)',
    async () => {
      await setupNodeBackend();
      const weights = await loadWeights({ kind: 'files', read: async (p) => readFileSync(join(modelFolder, p)) });
      try {
        const tunes = loadCorpus(corpus, weights.config, { stepsPerQuarter: weights.config.stepsPerQuarter });
        const test20 = tunes.filter((t) => t.split === 'test').slice(0, 20).map((t) => t.events);
        expect(test20).toHaveLength(20);
        const trigram = tunedTrigram(
          eventDepth(weights.config),
          tunes.filter((t) => t.split === 'train').map((t) => t.events),
          tunes.filter((t) => t.split === 'valid').map((t) => t.events),
        );
        const floor = trigram.score(test20);
        const ours = sequenceNll(weights.params, test20, { batchSize: 20 });
        expect(ours.steps).toBe(floor.steps);
        const oursNll = ours.totalNll / ours.steps;
        const floorNll = floor.totalNll / floor.steps;
        console.log(`20 test tunes: LSTM ${oursNll.toFixed(4)} vs trigram ${floorNll.toFixed(4)} nats/step over ${ours.steps} steps`);
        expect(oursNll).toBeLessThan(floorNll);
      } finally {
        disposeParams(weights.params);
      }
    },
    300_000,
  );
});

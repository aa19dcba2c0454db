import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { FIRST_PITCH_EVENT, NO_EVENT, NOTE_OFF } from '../src/ai/encodings/melody.ts';
import { splitBars } from '../src/ai/melody/continuation-metrics.ts';
import { loadMelodyModel } from '../src/ai/melody/model.ts';
import { fitRestatement, planRestatement, RESTATE_PROBABILITY } from '../src/ai/melody/restate.ts';
import { setupNodeBackend } from '../src/ai/tf/node-backend.ts';

const P = FIRST_PITCH_EVENT;
// Four distinct 8-step bars.
const primer = [
  [P + 10, NO_EVENT, P + 12, NO_EVENT, P + 14, NO_EVENT, NOTE_OFF, NO_EVENT],
  [P + 15, NO_EVENT, NO_EVENT, NO_EVENT, P + 14, NO_EVENT, P + 12, NO_EVENT],
  [P + 10, P + 10, P + 10, NO_EVENT, NOTE_OFF, NO_EVENT, P + 7, NO_EVENT],
  [P + 5, NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT, NO_EVENT, NOTE_OFF, NO_EVENT],
].flat();
const options = { stepsPerBar: 8, steps: 32 };

describe('planRestatement', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const plans = Array.from({ length: 20 }, (_, seed) => JSON.stringify(planRestatement(primer, { ...options, seed })));
    expect(planRestatement(primer, { ...options, seed: 7 })).toEqual(planRestatement(primer, { ...options, seed: 7 }));
    expect(new Set(plans).size).toBeGreaterThan(3);
  });

  it('forces whole bars equal to the prompt bar at the same phrase position, or leaves them free', () => {
    const promptBars = splitBars(primer, 8);
    for (let seed = 0; seed < 50; seed++) {
      const plan = planRestatement(primer, { ...options, steps: 48, seed });
      expect(plan).toHaveLength(48);
      splitBars(plan as number[], 8).forEach((bar, j) => {
        if (bar.every((e) => e === null)) return;
        expect(bar).toEqual(promptBars[j % 4]);
      });
    }
  });

  it('restates bars at about the fitted rate over many seeds', () => {
    let forced = 0;
    let bars = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const plan = planRestatement(primer, { ...options, seed });
      for (const bar of splitBars(plan as number[], 8)) {
        bars++;
        if (bar[0] !== null) forced++;
      }
    }
    expect(forced / bars).toBeGreaterThan(RESTATE_PROBABILITY - 0.03);
    expect(forced / bars).toBeLessThan(RESTATE_PROBABILITY + 0.03);
    expect(RESTATE_PROBABILITY).toBeGreaterThan(0.25);
    expect(RESTATE_PROBABILITY).toBeLessThan(0.45);
  });

  it('forces nothing with probability 0, everything with 1, and no partial bar', () => {
    expect(planRestatement(primer, { ...options, seed: 1, probability: 0 }).every((e) => e === null)).toBe(true);
    expect(planRestatement(primer, { ...options, seed: 1, probability: 1 })).toEqual(primer);
    const partial = planRestatement(primer, { ...options, steps: 12, seed: 1, probability: 1 });
    expect(partial.slice(0, 8)).toEqual(primer.slice(0, 8));
    expect(partial.slice(8)).toEqual([null, null, null, null]);
  });

  it('leaves bars to the model when the primer is not whole bars or a bar breaks the scale', () => {
    expect(planRestatement(primer.slice(0, 30), { ...options, seed: 1, probability: 1 }).every((e) => e === null)).toBe(true);
    const allowed = Array.from({ length: P + 20 }, (_, e) => e < P || e !== P + 15);
    const plan = planRestatement(primer, { ...options, seed: 1, probability: 1, allowed });
    expect(plan.slice(8, 16).every((e) => e === null)).toBe(true);
    expect(plan.slice(0, 8)).toEqual(primer.slice(0, 8));
  });
});

describe('fitRestatement', () => {
  it('counts same-position, transposed and any-bar copies', () => {
    const bars = splitBars(primer, 8);
    const up = (bar: number[]): number[] => bar.map((e) => (e >= P ? e + 2 : e));
    const continuation = [bars[0], up(bars[1]), bars[0], new Array<number>(8).fill(NO_EVENT)].flat();
    const fit = fitRestatement([{ prompt: primer, continuation, stepsPerBar: 8 }]);
    expect(fit).toEqual({ bars: 4, anyCopy: 0.75, samePosition: 0.25, samePositionTransposed: 0.5 });
  });
});

describe('MelodyModel.generate with stepsPerBar', () => {
  it('feeds restated bars through the committed model: forced bars equal prompt bars, deterministic by seed', async () => {
    await setupNodeBackend();
    const folder = join(import.meta.dirname, '..', 'models', 'melody');
    const model = await loadMelodyModel({ kind: 'files', read: async (p) => readFileSync(join(folder, p)) });
    try {
      const promptBars = splitBars(primer, 8);
      let restated = 0;
      for (let seed = 0; seed < 12; seed++) {
        const out = model.generate(primer, { steps: 32, temperature: 1, seed, stepsPerBar: 8 });
        expect(model.generate(primer, { steps: 32, temperature: 1, seed, stepsPerBar: 8 })).toEqual(out);
        const plan = planRestatement(primer, { ...options, seed });
        splitBars(out, 8).forEach((bar, j) => {
          if (plan[j * 8] === null) return;
          restated++;
          expect(bar).toEqual(promptBars[j]);
        });
      }
      expect(restated).toBeGreaterThan(0);
      // A short prompt (bars sampled again from saved states) leaves no tensor behind.
      const before = tf.memory().numTensors;
      for (let seed = 0; seed < 5; seed++) model.generate(primer.slice(0, 8), { steps: 32, temperature: 1, seed, stepsPerBar: 8 });
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      model.dispose();
    }
  });
});

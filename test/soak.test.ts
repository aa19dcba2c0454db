/**
 * The soak run, short (`npm run soak` runs 1,000 evaluations): re-evaluating `.continue()` tunes
 * while a drone plays leaves no tensor behind in the model's worker and no gap in the drone.
 * (Heap growth is judged by the long run, where it is not noise.)
 */
import { describe, expect, it } from 'vitest';
import { soak } from './soak/run.ts';

describe('soak', () => {
  it('60 re-evaluations with .continue(): no leaked tensor, no gap in the drone, no error', async () => {
    const report = await soak({ evaluations: 60, secondsApart: 1.8, warmup: 20, gc: () => undefined });
    expect(report.errors).toEqual([]);
    expect(report.droneGaps).toBe(0);
    expect(report.workerTensorsEnd).toBe(report.workerTensorsBaseline);
    expect(report.workerTensorsBaseline).toBeGreaterThan(0); // the model is loaded: there are tensors to leak
  }, 180_000);
});

/**
 * A short soak at the audio output (`npm run soak:audio` runs a long one): re-evaluations of a
 * `.continue()` tune over a drone, in the editor, with no silence in the drone and no error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudioSoak } from '../soak/audio.ts';
import { openApp, type AppSession } from './harness.ts';

let session: AppSession;

beforeAll(async () => {
  session = await openApp('soak-audio');
});

afterAll(async () => {
  await session?.close();
});

describe('soak at the output', () => {
  it('12 re-evaluations with .continue(): the drone never falls silent, no error', async () => {
    const figures = await runAudioSoak({ page: session.page, url: session.url, evaluations: 12, intervalMs: 500, keyDelayMs: 15 });
    console.log(`audio soak: ${JSON.stringify(figures)}`);
    expect(figures.errors).toEqual([]);
    expect(figures.gaps).toEqual([]);
    expect(figures.events).toBeGreaterThan(40);
  }, 120_000);

  it("swapping 'now', with versions that block the sandbox for 400 ms: the drone never falls silent, events taken back are not heard", async () => {
    const figures = await runAudioSoak({ page: session.page, url: session.url, evaluations: 10, intervalMs: 500, keyDelayMs: 15, swap: 'now' });
    console.log(`audio soak, swap now: ${JSON.stringify(figures)}`);
    expect(figures.errors).toEqual([]);
    expect(figures.gaps).toEqual([]);
    expect(figures.retractedEvents).toBeGreaterThan(0); // the guard was committed ahead and taken back
  }, 120_000);
});

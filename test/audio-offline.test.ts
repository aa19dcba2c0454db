/**
 * Offline rendering with src/audio in headless Chromium, as the CLI does it: a fresh page per
 * render (superdough keeps per-context state), registerDefaultSounds on an OfflineAudioContext,
 * playHap just in time in 0.256 s chunks.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer } from './browser/harness.ts';

let vite: ViteDevServer;
let browser: Browser;
let pageUrl = '';

beforeAll(async () => {
  ({ server: vite } = await startServer());
  pageUrl = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}/test/pages/offline.html`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

async function render(code: string, seconds: number, options: { maxPolyphony?: number } = {}) {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(pageUrl);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const result = await page.evaluate(([c, s, o]) => window.motifOfflineTest.render(c, s, o), [code, seconds, options] as const);
    return { ...result, pageErrors };
  } finally {
    await page.close();
  }
}

describe('offline rendering with registerDefaultSounds', () => {
  it('renders the drum kit and synths, every quarter second of a busy beat audible, under the ceiling', async () => {
    const result = await render('stack(s("bd*4, ~ sd, hh*8").n("<0 1>"), note("c3 e3 g3 c4").s("sawtooth").lpf(800))', 4);
    expect(result.errors).toEqual([]);
    expect(result.pageErrors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.events).toBe(2 * (4 + 1 + 8 + 4));
    expect(result.peak).toBeGreaterThan(0.1);
    expect(result.peak).toBeLessThanOrEqual(0.98 + 1e-3);
    expect(result.blockRms!.every((rms) => rms > 0.005)).toBe(true);
  });

  it('renders drums and synths together alike from one page to the next (to rounding)', async () => {
    // Not bit-identical: superdough reuses pooled nodes as their voices end, in real time, which
    // can change the order in which voices are summed.
    const code = 'stack(s("bd sd [~ bd] sd, hh*8"), note("a3 c4").s("triangle"))';
    const [a, b] = [await render(code, 2), await render(code, 2)];
    expect(a.rms).toBeGreaterThan(0.01);
    expect(Math.abs(a.rms! - b.rms!) / a.rms!).toBeLessThan(1e-4);
  });

  it('warns once about a sound that is not loaded and renders the rest', async () => {
    const result = await render('s("piano*8, bd*2")', 2);
    expect(result.pageErrors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings![0]).toContain('"piano"');
    expect(result.rms).toBeGreaterThan(0.01);
  });

  it('caps polyphony by fading the oldest voices out', async () => {
    const code = 'setcps(1)\nnote("c3 e3 g3 b3 d4 f4 a4 c5").s("sine").sustain(1).release(4).gain(0.2)';
    const free = await render(code, 2.5);
    const capped = await render(code, 2.5, { maxPolyphony: 2 });
    const tail = (result: { blockRms?: number[] }) => result.blockRms!.at(-1)!;
    expect(tail(free)).toBeGreaterThan(0.05);
    expect(tail(capped)).toBeGreaterThan(0.005);
    expect(tail(capped)).toBeLessThan(tail(free) * 0.5);
  });
});

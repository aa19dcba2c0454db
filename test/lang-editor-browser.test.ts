import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './browser/harness.ts';

interface ViewHandle {
  motifView: { coordsAtPos(pos: number): { left: number; top: number } | null };
}

describe('type support in the browser (worker, offline files)', () => {
  let app: AppSession;
  const pageErrors: string[] = [];
  const offline: string[] = [];
  beforeAll(async () => {
    app = await openApp('lang-editor');
    app.page.on('pageerror', (error) => pageErrors.push(error.message));
    // Offline: any request that leaves 127.0.0.1 (a CDN for TypeScript's lib files, say) is refused and recorded.
    await app.page.context().route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offline.push(url.href);
      return route.abort();
    });
    await app.page.goto(`${app.url}test/lang-editor-fixture/index.html`);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('underlines a type error, completes after a dot with docs, and shows hover docs', async () => {
    const { page } = app;
    await page.waitForSelector('.cm-lintRange-error', { timeout: 90_000 });
    expect(await page.textContent('.cm-lintRange-error')).toBe('fasst');

    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('note("c e").sca');
    await page.waitForSelector('.cm-tooltip-autocomplete li', { timeout: 30_000 });
    const labels = await page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((item) => item.textContent));
    expect(labels[0]).toBe('scale');
    await page.waitForSelector('.cm-completionInfo .cm-motif-type-docs', { timeout: 30_000 });
    expect(await page.textContent('.cm-completionInfo')).toMatch(/Pattern\.scale\(name: StringPattern\): Pattern/);
    await page.keyboard.press('Escape');

    const at = await page.evaluate(() => (window as unknown as ViewHandle).motifView.coordsAtPos(4));
    await page.mouse.move(at!.left + 2, at!.top + 5);
    await page.waitForSelector('.cm-tooltip-hover .cm-motif-type-docs', { timeout: 30_000 });
    expect(await page.textContent('.cm-tooltip-hover')).toMatch(/function s\(value: StringPattern \| ControlMap\): Pattern/);
    expect(pageErrors).toEqual([]);
    expect(offline).toEqual([]);
  }, 180_000);
});

/**
 * Headless Chromium for offline renders (playwright-core, the system's /usr/bin/chromium, no
 * network). One browser per renderer; one fresh page per render.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../node/chromium.ts';
import { readFile } from 'node:fs/promises';
import { renderPageScript } from './bundle.ts';
import { RENDER_FUNCTION, type RenderRequest, type RenderResponse } from './protocol.ts';

export interface PageRender extends RenderResponse {
  /** Interleaved 16-bit PCM. */
  pcm: Int16Array;
  /** Distinct warnings the page logged (e.g. a sound that does not exist). */
  warnings: string[];
}

export interface OfflineRenderer {
  render(request: RenderRequest): Promise<PageRender>;
  close(): Promise<void>;
}

/**
 * The page's address. AudioWorklets exist only in secure contexts, which about:blank is not;
 * http://localhost is. Nothing is served: Playwright answers these two requests itself. The page's
 * only other requests are those the code's `samples(…)` calls ask for: they go out as the
 * editor's would (a sample host must allow cross-origin requests, as for strudel.cc).
 */
const PAGE_URL = 'http://localhost/motif-render/';
const SCRIPT_URL = `${PAGE_URL}render.js`;
const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>motif render</title><script src="${SCRIPT_URL}"></script>`;

/** A page with the render script loaded, ready for one render. */
async function preparePage(browser: Browser, script: string): Promise<{ page: Page; warnings: Set<string> }> {
  const page = await browser.newPage();
  const warnings = new Set<string>();
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.add(message.text());
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ contentType: 'text/html', body: PAGE_HTML });
    if (url === SCRIPT_URL) return route.fulfill({ contentType: 'text/javascript', body: script });
    if (/^https?:/.test(url)) return route.continue(); // the code's samples(…)
    return route.abort();
  });
  await page.goto(PAGE_URL);
  return { page, warnings };
}

/**
 * Launches Chromium and loads a render page. Each render uses a fresh page (superdough keeps state
 * per audio context).
 */
export async function launchRenderer(): Promise<OfflineRenderer> {
  const launching = launchChromium();
  const [browser, script]: [Browser, string] = await Promise.all([launching, renderPageScript()]);
  let ready: ReturnType<typeof preparePage> | null = preparePage(browser, script);
  await ready;
  return {
    async render(request) {
      ready ??= preparePage(browser, script);
      const { page, warnings } = await ready;
      ready = null;
      try {
        const downloaded = page.waitForEvent('download', { timeout: 0 });
        downloaded.catch(() => undefined); // the render failed first: its error is the one to report
        // One JSON string: Playwright's argument serializer walks objects slowly (≈1 s for 1,800 notes).
        const response = await page.evaluate(
          ([name, json]) => (globalThis as unknown as Record<string, (r: RenderRequest) => Promise<RenderResponse>>)[name]!(JSON.parse(json) as RenderRequest),
          [RENDER_FUNCTION, JSON.stringify(request)] as const,
        );
        const download = await downloaded;
        const bytes = await readFile(await download.path());
        await download.delete();
        const pcm = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
        return { ...response, pcm, warnings: [...warnings] };
      } finally {
        void page.close().catch(() => undefined);
      }
    },
    close: async () => {
      await ready?.then(({ page }) => page.close()).catch(() => undefined);
      await browser.close();
    },
  };
}

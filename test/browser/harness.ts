/**
 * The browser-test harness: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), and the app served by Vite's dev server on 127.0.0.1 on a free port.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

import { launchChromium } from '../../src/node/chromium.ts';

export { launchChromium };

/**
 * Serves the app. `cacheName` keeps this server's pre-bundled dependencies apart from other
 * servers running at the same time (a shared cache makes Vite answer "504 Outdated Optimize Dep").
 */
export async function startServer(cacheName = 'shared'): Promise<{ server: ViteDevServer; url: string }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    cacheDir: `${root}node_modules/.vite-tests/${cacheName.replace(/[^\w-]/g, '_')}`,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report its port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export interface AppSession {
  browser: Browser;
  page: Page;
  url: string;
  close(): Promise<void>;
}

/** One browser, one server and one page for a test file. */
export async function openApp(cacheName: string): Promise<AppSession> {
  const { server, url } = await startServer(cacheName);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    return {
      browser,
      page,
      url,
      async close() {
        await browser?.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

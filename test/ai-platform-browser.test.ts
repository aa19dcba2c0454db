/**
 * The AI platform in the browser: the same code, through a module Web Worker served by Vite, in
 * Debian's Chromium, gives the same events as in Node for the same seed.
 */
import type { Hap } from '@strudel/core';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeAiHost } from '../src/ai/client/node.ts';
import { installAiTransformers } from '../src/ai/transformers/install.ts';
import { launchChromium, startServer } from './browser/harness.ts';
import { makeCheckpoint, serveCheckpoints, TINY_CONFIG, type CheckpointServer } from './ai-platform-fixtures.ts';

const CODE = 'note("c4 d4 e4 g4 a4 g4 e4 d4").s("triangle").continue({ cycles: 2, seed: 77 })';

let checkpoints: CheckpointServer;
let vite: { server: ViteDevServer; url: string };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  checkpoints = await serveCheckpoints({ tiny: makeCheckpoint(TINY_CONFIG, 9) });
  vite = await startServer('ai-platform');
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${vite.url}src/ai/protocol.ts`); // any page of the origin: modules import from there
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vite?.server.close();
  await checkpoints?.close();
});

type Ev = [string, string, string];
const describeHaps = (haps: Hap[]): Ev[] =>
  haps
    .filter((hap) => hap.hasOnset())
    .sort((a, b) => a.whole!.begin.valueOf() - b.whole!.begin.valueOf())
    .map((hap): Ev => [hap.whole!.begin.toFraction(), hap.whole!.end.toFraction(), JSON.stringify(hap.value)]);

describe('the AI platform in Chromium', () => {
  it('generates in a Web Worker, and the same seed gives the same events as in Node', async () => {
    const model = checkpoints.url('tiny');
    // Written as source text: vitest rewrites import() in functions it compiles, the page must not see that.
    const script = `(async () => {
      const { createBrowserAiHost } = await import('/src/ai/client/browser.ts');
      const { installAiTransformers } = await import('/src/ai/transformers/install.ts');
      const host = createBrowserAiHost({ defaultModel: { kind: 'url', url: ${JSON.stringify(model)} } });
      installAiTransformers(host);
      const result = await host.evaluate(${JSON.stringify(CODE)});
      await host.settled();
      const memory = await host.client.memory();
      const haps = result.pattern.queryArc(0, 3).filter((hap) => hap.hasOnset());
      return {
        statuses: host.statuses().map((s) => s.state),
        backend: memory.backend,
        events: haps
          .sort((a, b) => a.whole.begin.valueOf() - b.whole.begin.valueOf())
          .map((hap) => [hap.whole.begin.toFraction(), hap.whole.end.toFraction(), JSON.stringify(hap.value)]),
      };
    })()`;
    const inBrowser = (await page.evaluate(script)) as { statuses: string[]; backend: string; events: Ev[] };
    const host = createNodeAiHost({ defaultModel: { kind: 'url', url: model } });
    installAiTransformers(host);
    try {
      const result = await host.evaluate(CODE);
      await host.settled();
      expect(inBrowser.statuses).toEqual(['ready']);
      expect(inBrowser.backend).toBe('wasm');
      const inNode = describeHaps(result.pattern!.queryArc(0, 3));
      expect(inNode.length).toBeGreaterThan(8);
      expect(inBrowser.events).toEqual(inNode);
    } finally {
      await host.dispose();
    }
  }, 120_000);

  it(
    'loads the default model (models/melody/) through Vite\'s asset URLs',
    async () => {
      const script = `(async () => {
        const { createBrowserAiHost } = await import('/src/ai/client/browser.ts');
        const { installAiTransformers } = await import('/src/ai/transformers/install.ts');
        const host = createBrowserAiHost();
        installAiTransformers(host);
        const result = await host.evaluate('note("c4 d4 e4 g4").continue()');
        await host.settled();
        return { statuses: host.statuses(), generated: result.pattern.queryArc(1, 2).filter((hap) => hap.hasOnset()).length };
      })()`;
      const outcome = (await page.evaluate(script)) as { statuses: { state: string; message?: string }[]; generated: number };
      expect(outcome.statuses).toMatchObject([{ state: 'ready' }]);
      expect(outcome.generated).toBeGreaterThan(0);
    },
    120_000,
  );
});

/**
 * The Chromium launcher: our `--disable-features` (Chromium keeps only the last one) carries every
 * feature playwright-core disables, and the address bar's WebUI popups are not preloaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../src/node/chromium.ts';

/** Command lines of this process's children that are a Chromium browser (Playwright's pipe). */
function browserCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes('--remote-debugging-pipe')) lines.push(argv);
    } catch {
      // the process ended meanwhile
    }
  }
  return lines;
}

const features = (argv: string[]) =>
  argv.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));

describe('launchChromium', () => {
  it("keeps playwright-core's disabled features and adds ours, and preloads no address-bar WebUI", async () => {
    const browser = await launchChromium();
    try {
      const [argv] = browserCommandLines();
      expect(argv).toBeDefined();
      const switches = features(argv!);
      expect(switches.length).toBeGreaterThanOrEqual(2); // playwright-core's, then ours (the one Chromium keeps)
      const kept = switches.at(-1)!;
      for (const name of switches[0]!) expect(kept, `playwright-core disables ${name}`).toContain(name);
      expect(kept).toContain('WebUIOmniboxPopup');

      await browser.newPage();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.map((target) => target.url).filter((url) => url.startsWith('chrome://'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});

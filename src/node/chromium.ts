/**
 * Debian's Chromium driven by playwright-core, for offline renders and the browser tests: never a
 * downloaded browser, launched headless with the flags that keep it off the network.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';


/**
 * Chromium keeps only the last `--disable-features` switch, so ours repeats playwright-core's own
 * list (1.65: its defaults keep the browser off the network and stable under automation) and adds:
 * - `WebUIOmniboxPopup`, `WebUIOmniboxAimPopup`: headless Chromium 156 preloads the address bar's
 *   popups as WebUI pages in a renderer of their own for every new window, ≈1.2 s of CPU that
 *   competed with offline renders on a 2-core machine.
 * - `LocalNetworkAccessChecks`: the render page's own address is answered by Playwright, so
 *   Chromium counts it as public and refused its requests to sample hosts on 127.0.0.1 or the LAN
 *   (`samples('http://127.0.0.1:8000/strudel.json')`), which the editor, served locally, may make.
 * test/chromium.test.ts checks that the launched browser's last switch keeps every name of the
 * first (playwright-core's), so an upgrade that adds one is noticed.
 */
export const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'LocalNetworkAccessChecks',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

/** `/usr/bin/chromium`, or the path in `MOTIF_CHROMIUM`. */
export function chromiumPath(): string {
  return process.env.MOTIF_CHROMIUM ?? '/usr/bin/chromium';
}

/** Chromium is missing or cannot start: a problem with the machine, not with the user's code. */
export class BrowserMissingError extends Error {
  override name = 'BrowserMissingError';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new BrowserMissingError(`Chromium not found at ${executablePath}: install it with apt-get install -y chromium (or set MOTIF_CHROMIUM)`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }).catch((error: unknown) => {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new BrowserMissingError(`Chromium at ${executablePath} could not start: ${first}`);
  });
}

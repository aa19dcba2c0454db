/**
 * The sandbox worker's entry (started by src/player/sandboxed-player.ts from a blob: URL, so the
 * page's Content-Security-Policy applies here too). Locks the scope down before any user code
 * can run, then serves the page.
 */
import { createBrowserAiHost } from '../ai/client/browser.ts';
import { installAiTransformers } from '../ai/transformers/install.ts';
import { bundledPatternModules } from '../editor/types/pattern-modules.ts';
import { lockDown } from './lockdown.ts';
import type { PageToSandbox, SandboxToPage } from './protocol.ts';
import { ALIVE_INTERVAL_MS, PatternSandbox } from './sandbox.ts';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<PageToSandbox>) => void): void;
}
const scope = self as unknown as WorkerScope;
const listen = scope.addEventListener.bind(scope);
const capabilities = lockDown(scope);
const post = (message: SandboxToPage) => capabilities.post(message);

const ai = createBrowserAiHost({}, capabilities.Worker ?? undefined);
installAiTransformers(ai);
const sandbox = new PatternSandbox({
  post,
  wallNowMs: () => performance.timeOrigin + performance.now(),
  patterns: bundledPatternModules,
  ai,
});
listen('message', (event: MessageEvent<PageToSandbox>) => sandbox.receive(event.data));
setInterval(() => post({ type: 'alive' }), ALIVE_INTERVAL_MS);
post({ type: 'ready' });

/** The browser entry point: the Motif page. */
import { installAiTransformers } from './ai/index.ts';
import { createBrowserAiHost } from './ai/client/browser.ts';
import './editor/app.css';
import { findElements, MotifApp } from './editor/app.ts';
import { CodeStore } from './editor/code-store.ts';
import { installTestHook } from './editor/test-hook.ts';
import { createBrowserPlayer } from './player/index.ts';
import { DEFAULT_TIMING } from './scheduler/types.ts';
import { bundledPatternModules, createTypeClient, workerTypeStripper } from './editor/types/index.ts';

/**
 * How far ahead of the audible cycle the scheduler has already queried, in seconds: the committed
 * look-ahead with a margin, plus what each layer is queried ahead of that.
 */
const SCHEDULED_AHEAD_SECONDS = 0.1 + DEFAULT_TIMING.queryAheadSeconds;

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const types = params.get('types') !== 'off';
  const typeClient = types ? createTypeClient() : undefined;
  const player = await createBrowserPlayer({
    evaluate: { patterns: bundledPatternModules, ...(typeClient ? { stripTypes: workerTypeStripper(typeClient) } : {}) },
  });
  const ai = createBrowserAiHost();
  installAiTransformers(ai);
  ai.setClock(() => player.cycleNow() + SCHEDULED_AHEAD_SECONDS * player.cps);

  new MotifApp(findElements(document), player, new CodeStore(localStorage), {
    evaluateWith: (code, run) => ai.evaluateWith(code, run),
    ai,
    types,
    ...(typeClient ? { typeClient } : {}),
  });
  if (params.has('test')) installTestHook(player.audioContext, player.analyser);
}

start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `Motif could not start: ${error instanceof Error ? error.message : String(error)}`;
    status.classList.add('error');
  }
  console.error(error);
});

/** The browser entry point: the Motif page. The user's code runs in the sandbox worker (src/sandbox/). */
import './editor/app.css';
import { findElements, MotifApp } from './editor/app.ts';
import { CodeStore } from './editor/code-store.ts';
import { installTestHook } from './editor/test-hook.ts';
import { createTypeClient, workerTypeStripper } from './editor/types/index.ts';
import { createSandboxedPlayer } from './player/sandboxed-player.ts';

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const types = params.get('types') !== 'off';
  // The type worker strips TypeScript for evaluation too (it starts on first use), so the compiler
  // never loads on this thread or in the sandbox.
  const typeClient = createTypeClient();
  const player = await createSandboxedPlayer({ stripTypes: workerTypeStripper(typeClient) });

  new MotifApp(findElements(document), player, new CodeStore(localStorage), { ai: player.ai, types, typeClient });
  if (params.has('test')) installTestHook(player.audioContext, player.analyser, () => player.stats);
}

start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `Motif could not start: ${error instanceof Error ? error.message : String(error)}`;
    status.classList.add('error');
  }
  console.error(error);
});

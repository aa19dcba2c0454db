/// <reference lib="webworker" />
/** Browser adapter of the AI worker: moves messages between the Web Worker scope and the handler. */
import { setupBrowserBackend } from '../tf/browser-backend.ts';
import { defaultMelodyCheckpoint } from './checkpoint-browser.ts';
import { createAiHandler } from './handler.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handler = createAiHandler({ setupBackend: () => setupBrowserBackend(), defaultCheckpoint: defaultMelodyCheckpoint });
scope.addEventListener('message', (event: MessageEvent<unknown>) =>
  handler.receive(event.data, (response) => scope.postMessage(response)),
);

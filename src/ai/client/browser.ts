/** The AI client in the browser: the worker is a module Web Worker running `worker/browser.ts`. */
import { AiClient, type ClientEndpoint } from './client.ts';
import { AiHost, type AiHostOptions } from './host.ts';

/**
 * `WorkerClass`: the page's `Worker` by default; the sandbox passes the one it kept before taking
 * `Worker` from its scope (sandbox/lockdown.ts). The name stays `Worker` so Vite bundles the file.
 */
export function browserWorkerEndpoint(WorkerClass: typeof globalThis.Worker = globalThis.Worker): ClientEndpoint {
  const Worker = WorkerClass;
  const worker = new Worker(new URL('../worker/browser.ts', import.meta.url), { type: 'module', name: 'motif-ai' });
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => onFailure(new Error(`the AI worker failed: ${event.message}`)));
    },
    terminate: () => worker.terminate(),
  };
}

export function createBrowserAiClient(WorkerClass?: typeof globalThis.Worker): AiClient {
  return new AiClient(browserWorkerEndpoint(WorkerClass));
}

/** An AI host whose Web Worker starts on the first AI call. */
export function createBrowserAiHost(options: Omit<AiHostOptions, 'client'> = {}, WorkerClass?: typeof globalThis.Worker): AiHost {
  return new AiHost({ ...options, client: () => createBrowserAiClient(WorkerClass) });
}

/** The AI client in the browser: the worker is a module Web Worker running `worker/browser.ts`. */
import { AiClient, type ClientEndpoint } from './client.ts';
import { AiHost, type AiHostOptions } from './host.ts';

export function browserWorkerEndpoint(): ClientEndpoint {
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

export function createBrowserAiClient(): AiClient {
  return new AiClient(browserWorkerEndpoint());
}

/** An AI host whose Web Worker starts on the first AI call. */
export function createBrowserAiHost(options: Omit<AiHostOptions, 'client'> = {}): AiHost {
  return new AiHost({ ...options, client: createBrowserAiClient });
}

/** The AI client in Node: the worker is a `worker_threads` Worker running `worker/node.ts`. */
import { Worker } from 'node:worker_threads';
import { AiClient, type ClientEndpoint } from './client.ts';
import { AiHost, type AiHostOptions } from './host.ts';

const workerEntry = new URL('../worker/node-entry.mjs', import.meta.url);

export function nodeWorkerEndpoint(): ClientEndpoint {
  const worker = new Worker(workerEntry);
  worker.unref(); // an idle AI worker never keeps a CLI process alive; a busy one does
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', (code) => onFailure(new Error(`the AI worker exited (code ${code})`)));
    },
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

export function createNodeAiClient(): AiClient {
  return new AiClient(nodeWorkerEndpoint());
}

/** An AI host whose worker (a worker_threads Worker) starts on the first AI call. */
export function createNodeAiHost(options: Omit<AiHostOptions, 'client'> = {}): AiHost {
  return new AiHost({ ...options, client: createNodeAiClient });
}

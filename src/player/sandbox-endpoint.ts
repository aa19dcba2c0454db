/**
 * Starts the sandbox worker (src/sandbox/worker.ts) from a blob: URL that imports the bundled
 * file: a worker started from a blob: URL keeps the page's Content-Security-Policy, so code in it
 * cannot load scripts from other sites.
 */
import sandboxUrl from '../sandbox/worker.ts?worker&url';
import type { PageToSandbox, SandboxToPage } from '../sandbox/protocol.ts';

export interface SandboxEndpoint {
  post(message: PageToSandbox): void;
  listen(onMessage: (message: SandboxToPage) => void, onFailure: (message: string) => void): void;
  terminate(): void;
}

export function startSandboxWorker(): SandboxEndpoint {
  const url = new URL(sandboxUrl, location.href).href;
  const blob = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }));
  const worker = new Worker(blob, { type: 'module', name: 'motif-sandbox' });
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      worker.addEventListener('message', (event: MessageEvent<SandboxToPage>) => onMessage(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => onFailure(event.message || 'the sandbox worker failed to start'));
    },
    terminate() {
      worker.terminate();
      URL.revokeObjectURL(blob);
    },
  };
}

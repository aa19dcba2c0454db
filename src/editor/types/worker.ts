/**
 * The type-checking worker: answers protocol.ts requests with the language service, off the main
 * thread, so typing never waits for TypeScript. Start it with `new Worker(new URL('./worker.ts',
 * import.meta.url), { type: 'module' })` (client.ts does).
 */
import { bundledTypeFiles } from './files.ts';
import type { Request, Response, TypeService } from './protocol.ts';
import { createTypeService } from './service.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response): void;
}

const scope = self as unknown as WorkerScope;
let service: TypeService | null = null;

scope.onmessage = (event) => {
  const { id, method, params } = event.data;
  try {
    service ??= createTypeService(bundledTypeFiles, (error) => console.error('[motif types]', error));
    const call = service[method] as (...args: unknown[]) => unknown;
    scope.postMessage({ id, result: call(...params) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

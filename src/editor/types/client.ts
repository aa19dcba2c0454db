/**
 * The editor's side of the type-checking worker: typed calls that resolve with the worker's
 * answers. A worker that fails (or fails to start) makes calls resolve to `null`, so the editor
 * keeps working without types.
 */
import type { Method, Request, Response, TypeService } from './protocol.ts';

/** What the client needs of a Worker (a real one in the browser, a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Response>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface TypeClient {
  call<M extends Method>(method: M, ...params: Parameters<TypeService[M]>): Promise<ReturnType<TypeService[M]> | null>;
  dispose(): void;
}

export function startTypeWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'motif-types' });
}

export function createTypeClient(start: () => WorkerLike = startTypeWorker): TypeClient {
  let worker: WorkerLike | null = null;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, (value: unknown) => void>();

  const fail = (reason: string) => {
    if (!broken) console.error(`[motif types] worker failed: ${reason}`);
    broken = true;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };

  const ensure = (): WorkerLike | null => {
    if (worker || broken) return worker;
    try {
      worker = start();
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return null;
    }
    worker.addEventListener('message', (event: MessageEvent<Response>) => {
      const resolve = pending.get(event.data.id);
      if (!resolve) return;
      pending.delete(event.data.id);
      if ('error' in event.data) console.error(`[motif types] ${event.data.error}`);
      resolve('result' in event.data ? event.data.result : null);
    });
    worker.addEventListener('error', (event: Event) => fail((event as ErrorEvent).message ?? 'error'));
    return worker;
  };

  return {
    call(method, ...params) {
      const target = ensure();
      if (!target || broken) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (value: unknown) => void);
        target.postMessage({ id, method, params } as Request);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    },
  };
}

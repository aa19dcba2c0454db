/**
 * The main-thread side of the AI protocol: typed calls with ids, promises for their answers,
 * cancellation through `AbortSignal`. Environment-free: `node.ts` and `browser.ts` provide the
 * endpoint (a worker_threads Worker or a Web Worker).
 */
import {
  AiWorkerError,
  isResponseMessage,
  type AiArgs,
  type AiMethodName,
  type AiResult,
  type CallMessage,
  type GenerateRequest,
  type ModelInfo,
  type ModelRef,
  type RequestMessage,
  type WorkerStats,
} from '../protocol.ts';

/** One end of a worker channel. */
export interface ClientEndpoint {
  postMessage(message: RequestMessage): void;
  /** `onMessage` receives every incoming message; `onFailure` is called if the worker dies. */
  listen(onMessage: (message: unknown) => void, onFailure: (error: Error) => void): void;
  terminate(): Promise<void> | void;
  /** Told when calls start or stop being pending (Node: keep the process alive only while busy). */
  setBusy?(busy: boolean): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class AiClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor(private readonly endpoint: ClientEndpoint) {
    endpoint.listen(
      (message) => this.receive(message),
      (error) => this.fail(error),
    );
  }

  call<M extends AiMethodName>(method: M, args: AiArgs<M>, signal?: AbortSignal): Promise<AiResult<M>> {
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(new AiWorkerError({ name: 'AbortError', message: `${method} was cancelled`, cancelled: true }));
    const id = this.nextId++;
    return new Promise<AiResult<M>>((resolve, reject) => {
      const onAbort = () => this.endpoint.postMessage({ type: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.pending.size === 0) this.endpoint.setBusy?.(true);
      this.pending.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as AiResult<M>); // the worker answers call `id` with AiMethods[M]'s result
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.endpoint.postMessage({ type: 'call', id, method, args } as CallMessage);
    });
  }

  loadModel(model: ModelRef): Promise<ModelInfo> {
    return this.call('loadModel', [model]);
  }

  generate(request: GenerateRequest, signal?: AbortSignal): Promise<number[]> {
    return this.call('generate', [request], signal);
  }

  memory(): Promise<{ numTensors: number; backend: string }> {
    return this.call('memory', []);
  }

  stats(): Promise<WorkerStats> {
    return this.call('stats', []);
  }

  /** Stops the worker; pending calls reject. */
  async dispose(): Promise<void> {
    this.fail(new Error('the AI worker was stopped'));
    await this.endpoint.terminate();
  }

  private receive(message: unknown): void {
    if (!isResponseMessage(message)) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.endpoint.setBusy?.(false);
    if (message.type === 'result') pending.resolve(message.value);
    else pending.reject(new AiWorkerError(message.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.endpoint.setBusy?.(false);
  }
}

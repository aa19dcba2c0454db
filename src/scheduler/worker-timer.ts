/**
 * The browser's scheduler timer: ticks come from a dedicated worker (tick.worker.ts), so look-ahead
 * keeps working in a background tab. The worker is a module file, bundled by Vite or esbuild from
 * the `new URL(…, import.meta.url)` below; no code strings.
 */
import type { TickMessage, TickRequest } from './tick-protocol.ts';
import type { Seconds, Timer } from './types.ts';

export class WorkerTimer implements Timer {
  private worker: Worker | null = null;
  private onTick: (() => void) | null = null;

  /** Starts the worker straight away, so the first `start()` does not wait for it to load. */
  constructor(readonly intervalSeconds: Seconds) {
    this.worker = this.createWorker();
  }

  start(onTick: () => void): void {
    this.onTick = onTick;
    const worker = (this.worker ??= this.createWorker());
    const request: TickRequest = { type: 'start', intervalMs: this.intervalSeconds * 1000 };
    worker.postMessage(request);
  }

  stop(): void {
    this.onTick = null;
    const request: TickRequest = { type: 'stop' };
    this.worker?.postMessage(request);
  }

  /** Ends the worker; the timer can start again afterwards with a new one. */
  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private createWorker(): Worker {
    const worker = new Worker(new URL('./tick.worker.ts', import.meta.url), { type: 'module', name: 'motif-tick' });
    worker.onmessage = (message: MessageEvent<TickMessage>) => {
      if (message.data.type === 'tick') this.onTick?.();
    };
    return worker;
  }
}

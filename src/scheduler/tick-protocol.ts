/** Messages between the page and the tick worker (tick.worker.ts). */
export type TickRequest = { type: 'start'; intervalMs: number } | { type: 'stop' };
export type TickMessage = { type: 'tick' };

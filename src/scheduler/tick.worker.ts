/**
 * Sends `tick` at a fixed interval. Runs in a dedicated worker because pages in background tabs
 * have their own timers throttled to once a second or less; a worker's timers are not.
 */
import type { TickMessage, TickRequest } from './tick-protocol.ts';

let handle: ReturnType<typeof setInterval> | null = null;
const tick: TickMessage = { type: 'tick' };

self.onmessage = (message: MessageEvent<TickRequest>) => {
  if (handle !== null) clearInterval(handle);
  handle = null;
  if (message.data.type === 'start') handle = setInterval(() => self.postMessage(tick), message.data.intervalMs);
};

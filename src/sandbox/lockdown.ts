/**
 * Takes from the sandbox's global scope everything that reaches past the pattern API: the network
 * (fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport), storage (IndexedDB, Cache
 * Storage, the origin's file system, locks), other contexts (Worker, SharedWorker,
 * BroadcastChannel, postMessage to the page) and notifications. The sandbox's own code keeps
 * what it needs by taking it first (`lockDown` returns it). A worker has no DOM and no
 * localStorage to begin with; `import()` of another site is refused by the page's
 * Content-Security-Policy, which the sandbox inherits (it starts from a blob: URL).
 *
 * Runs on any object standing for the global scope, so it is tested in Node.
 */

/** Names removed from the global scope and from every object on its prototype chain. */
export const REMOVED_GLOBALS = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'indexedDB',
  'caches',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'postMessage',
  'Notification',
  'cookieStore',
  'webkitRequestFileSystem',
  'webkitRequestFileSystemSync',
  'webkitResolveLocalFileSystemURL',
  'webkitResolveLocalFileSystemSyncURL',
] as const;

/** Names removed from `navigator`. */
export const REMOVED_NAVIGATOR = ['storage', 'locks', 'serviceWorker', 'sendBeacon', 'usb', 'hid', 'serial', 'bluetooth'] as const;

/** What the sandbox's own code keeps. */
export interface SandboxCapabilities {
  /** Messages to the page. */
  post: (message: unknown) => void;
  /** Starts a worker of the sandbox's own (the AI model), or null where the host has none. */
  Worker: typeof Worker | null;
}

function remove(target: object, name: string): void {
  for (let object: object | null = target; object; object = Object.getPrototypeOf(object) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (!descriptor) continue;
    if (descriptor.configurable) delete (object as Record<string, unknown>)[name];
    else if (descriptor.writable) (object as Record<string, unknown>)[name] = undefined;
  }
  // Shadow whatever could not be deleted further up the chain.
  if (name in target) {
    try {
      Object.defineProperty(target, name, { value: undefined, configurable: false, writable: false });
    } catch {
      // a non-configurable own property that is not writable either: nothing more to do
    }
  }
}

/** Removes the names above from `scope` (the worker's `self`) and returns what the sandbox keeps. */
export function lockDown(scope: object): SandboxCapabilities {
  const global = scope as Record<string, unknown>;
  const postMessage = global.postMessage as ((message: unknown) => void) | undefined;
  if (typeof postMessage !== 'function') throw new Error('the sandbox has no postMessage: it must run in a worker');
  const post = postMessage.bind(scope);
  const WorkerClass = typeof global.Worker === 'function' ? (global.Worker as typeof Worker) : null;
  for (const name of REMOVED_GLOBALS) remove(scope, name);
  const navigator = global.navigator;
  if (typeof navigator === 'object' && navigator !== null) for (const name of REMOVED_NAVIGATOR) remove(navigator, name);
  return { post, Worker: WorkerClass };
}

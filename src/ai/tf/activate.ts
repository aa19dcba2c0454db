/**
 * Chooses the tfjs backend: wasm when it initialises, otherwise the pure-JS cpu backend with a
 * warning. Environment-specific wasm paths are set by `node-backend.ts` / `browser-backend.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export type TfBackendName = 'wasm' | 'cpu';

export interface BackendChoice {
  backend: TfBackendName;
  /** Why wasm was not used, when it was not. */
  warning?: string;
}

/** Activates wasm (after `configure` has set its paths) or falls back to cpu. */
export async function activateBackend(
  configure: () => void,
  options: { prefer?: TfBackendName; warn?: (message: string) => void } = {},
): Promise<BackendChoice> {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  if (options.prefer === 'cpu') {
    await tf.setBackend('cpu');
    await tf.ready();
    return { backend: 'cpu' };
  }
  if (tf.getBackend() === 'wasm') return { backend: 'wasm' };
  let reason: string;
  try {
    configure();
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return { backend: 'wasm' };
    }
    reason = 'tf.setBackend("wasm") returned false';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const warning = `Motif AI: the tfjs wasm backend failed to start (${reason}); using the slower cpu backend.`;
  warn(warning);
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', warning };
}

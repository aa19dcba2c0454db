/** tfjs backend for Node: wasm with its .wasm files loaded from node_modules, else cpu. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { activateBackend, type BackendChoice, type TfBackendName } from './activate.ts';

/** Folder holding the wasm package's .wasm binaries, with a trailing separator. */
export function wasmDistFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
}

export function setupNodeBackend(options: { prefer?: TfBackendName; warn?: (message: string) => void } = {}): Promise<BackendChoice> {
  return activateBackend(() => setWasmPaths(wasmDistFolder()), options);
}

/**
 * tfjs backend for browsers and workers built with Vite: the .wasm binaries are emitted as assets
 * and their URLs handed to tfjs. Callers may pass their own URLs instead.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { activateBackend, type BackendChoice, type TfBackendName } from './activate.ts';

export interface WasmUrls {
  'tfjs-backend-wasm.wasm': string;
  'tfjs-backend-wasm-simd.wasm': string;
  'tfjs-backend-wasm-threaded-simd.wasm': string;
}

export const bundledWasmUrls: WasmUrls = {
  'tfjs-backend-wasm.wasm': plainUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
};

export function setupBrowserBackend(
  options: { urls?: WasmUrls; prefer?: TfBackendName; warn?: (message: string) => void } = {},
): Promise<BackendChoice> {
  return activateBackend(() => setWasmPaths(options.urls ?? bundledWasmUrls), options);
}

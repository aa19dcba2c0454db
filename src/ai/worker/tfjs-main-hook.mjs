// @ts-check
/**
 * Node resolution hook for the AI worker: `@tensorflow/*` packages resolve through their `main`
 * (CommonJS) build. Their `module` build uses directory imports that plain Node rejects, and the
 * process-wide prefer-`module` hook (src/node/prefer-module-field.mjs) would pick it; hooks
 * registered later run first, so this one takes precedence for these packages only.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('@tensorflow/') && context.parentURL) {
    const path = createRequire(context.parentURL).resolve(specifier);
    return { url: pathToFileURL(path).href, format: 'commonjs', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

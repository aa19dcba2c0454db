// @ts-check
/**
 * Node module-resolution hook: some dependencies of @strudel/* publish an ES build under
 * `module` while their `main` points at a file that is missing (16 @tonaljs/* packages) or
 * exports nothing (@kabelsalat/web 0.4.1). Bundlers (Vite, esbuild) read `module`; plain Node
 * reads `main`. For bare imports of packages that have `module` and no `exports` map, this hook
 * resolves to `module`, as a bundler would, when Node can load that file as an ES module (it ends
 * in `.mjs`, or the package is `"type": "module"`). A `module` build written for bundlers only
 * (`.js` in a CommonJS package, with directory imports: @tensorflow/*) is left alone, and Node
 * loads `main`. Everything else resolves unchanged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/** @type {Map<string, string | null>} */
const cache = new Map();

/** @param {string} specifier */
function bareName(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === specifier ? name : null; // only the package root, never a subpath
}

/**
 * @param {string} name
 * @param {string} parentURL
 * @returns {string | null}
 */
function moduleEntry(name, parentURL) {
  const key = `${name}\0${parentURL}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let entry = null;
  try {
    const pkgPath = createRequire(parentURL).resolve(`${name}/package.json`);
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    const loadableAsEsm = typeof pkg.module === 'string' && (pkg.module.endsWith('.mjs') || pkg.type === 'module');
    if (loadableAsEsm && pkg.exports === undefined) {
      entry = pathToFileURL(join(dirname(pkgPath), pkg.module)).href;
    }
  } catch {
    entry = null; // not resolvable this way: leave it to Node's own resolution
  }
  cache.set(key, entry);
  return entry;
}

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const name = bareName(specifier);
  if (name && context.parentURL) {
    const entry = moduleEntry(name, context.parentURL);
    if (entry) return { url: entry, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

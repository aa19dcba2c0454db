/**
 * The pattern library (`patterns/*.ts` in the repo) for `import … from "patterns/…"` in code the
 * CLI evaluates, as the editor bundles it for the browser. Files are read when first imported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PatternModules } from '../runtime/imports.ts';

const LIBRARY_ROOT = join(import.meta.dirname, '..', '..');

export function patternLibrary(root: string = LIBRARY_ROOT): PatternModules {
  const file = (specifier: string) => join(root, `${specifier.replace(/\.ts$/, '')}.ts`);
  return {
    source(specifier) {
      if (!/^patterns\/[\w\-/]+$/.test(specifier.replace(/\.ts$/, ''))) return undefined;
      const path = file(specifier);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    },
    list: () =>
      readdirSync(join(root, 'patterns'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => `patterns/${name.replace(/\.ts$/, '')}`)
        .sort(),
  };
}

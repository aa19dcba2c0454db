/**
 * The files the editor's type checker needs, bundled with the app (it must work offline, so no
 * CDN): TypeScript's ES2022 standard library, the language's declarations (lang/*.d.ts) and the
 * pattern modules users may import (patterns/*.ts). Vite inlines them as strings.
 */
const libs = import.meta.glob<string>(
  [
    '/node_modules/typescript/lib/lib.es5.d.ts',
    '/node_modules/typescript/lib/lib.es201[5-9]*.d.ts',
    '/node_modules/typescript/lib/lib.es202[0-2]*.d.ts',
    '/node_modules/typescript/lib/lib.decorators*.d.ts',
    '!/node_modules/typescript/lib/*.full.d.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);
const lang = import.meta.glob<string>('/lang/*.d.ts', { query: '?raw', import: 'default', eager: true });
const patterns = import.meta.glob<string>('/patterns/*.ts', { query: '?raw', import: 'default', eager: true });

function basenames(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
}

export interface TypeFiles {
  /** `lib.es2022.d.ts` → text. */
  libs: Record<string, string>;
  /** `core.d.ts` → text. */
  lang: Record<string, string>;
  /** `grooves.ts` → text. */
  patterns: Record<string, string>;
}

export const bundledTypeFiles: TypeFiles = { libs: basenames(libs), lang: basenames(lang), patterns: basenames(patterns) };

/**
 * How user code becomes a TypeScript file, shared by the editor's worker and Node's checks.
 * User code is a script with `$:` labels and bare double-quoted strings; both are valid
 * TypeScript once lang/ declares the Pattern methods on String. A trailing `export {}` makes the
 * file a module, so that the user's top-level `const note = …` shadows the global `note` (as it
 * does when evaluated) instead of clashing with it. It comes after the user's text, so every
 * offset in the user's code is the same in the virtual file.
 */
import type { CompilerOptions } from 'typescript';

export const USER_FILE = '/user/main.ts';

/** The file the checker sees for the given user code. */
export function userFileText(code: string): string {
  return `${code}\nexport {};\n`;
}

/** Compiler options of the pattern language (as tsconfig.patterns.json, without paths). */
export const LANG_COMPILER_OPTIONS: CompilerOptions = {
  target: 9 /* ES2022 */,
  module: 99 /* ESNext */,
  moduleResolution: 100 /* Bundler */,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  allowUnusedLabels: true,
  allowImportingTsExtensions: true,
  isolatedModules: true,
};

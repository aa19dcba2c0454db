/** Scope names the TypeScript standard library already declares (same value): not redeclared in lang/. */
export const LIB_GLOBALS: ReadonlySet<string> = new Set(['SyntaxError']);

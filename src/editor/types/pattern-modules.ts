/**
 * The pattern library (patterns/*.ts) for the browser's evaluator, bundled by Vite: pass it as
 * `evaluate(code, { patterns: bundledPatternModules })` so that `import { groove } from
 * "patterns/grooves"` works in the editor. (Node reads the same files from disk; see imports.ts.)
 */
import { patternModulesFromFiles, type PatternModules } from '../../runtime/imports.ts';

const sources = import.meta.glob<string>('/patterns/*.ts', { query: '?raw', import: 'default', eager: true });

export const bundledPatternModules: PatternModules = patternModulesFromFiles(sources);

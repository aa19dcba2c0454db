/**
 * `import { groove } from "patterns/grooves"` in user code. The evaluator runs user code as a
 * function body, where import declarations are not allowed, so this module:
 *
 * 1. finds the import declarations and overwrites them with spaces (offsets stay put, as for
 *    stripped types), and
 * 2. binds each imported name to the export of the evaluated pattern module, as extra scope.
 *
 * Where module sources come from is the host's business: Node reads patterns/*.ts from disk, the
 * browser bundles them with `import.meta.glob`. Both hand them over as a `PatternModules`.
 * Pattern modules may import each other; cycles are reported.
 */
import { parse, type Node } from 'acorn';
import { positionAt } from './positions.ts';
import type { MotifError } from './result.ts';
import type { Scope } from './scope.ts';

/** The pattern modules user code may import, by specifier (`patterns/grooves`). */
export interface PatternModules {
  /** The TypeScript source of a module, or undefined when there is none. */
  source(specifier: string): string | undefined;
  /** Every specifier that can be imported. */
  list(): string[];
}

/**
 * Builds a `PatternModules` from file paths and contents, as `readFileSync` or
 * `import.meta.glob('/patterns/*.ts', { query: '?raw', import: 'default', eager: true })` give them.
 * Any path ending in `patterns/NAME.ts` is importable as `patterns/NAME`.
 */
export function patternModulesFromFiles(files: Record<string, string>): PatternModules {
  const bySpecifier = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const match = /(?:^|\/)(patterns\/.+)\.ts$/.exec(path.replaceAll('\\', '/'));
    if (match) bySpecifier.set(match[1]!, text);
  }
  return {
    source: (specifier) => bySpecifier.get(specifier.replace(/\.ts$/, '')),
    list: () => [...bySpecifier.keys()].sort(),
  };
}

export interface ImportBinding {
  /** The name in the importing code. */
  local: string;
  /** The exported name (`default` for a default import). */
  imported: string;
  specifier: string;
  /** Offset of the import declaration in the code. */
  offset: number;
}

export interface ExtractedImports {
  /** The code with import declarations blanked out. */
  code: string;
  bindings: ImportBinding[];
  errors: MotifError[];
}

/** What a pattern module exports, or why it could not be evaluated. */
export type ModuleLoad = { exports: Record<string, unknown>; errors: [] } | { exports: null; errors: MotifError[] };

const IMPORT_START = /(^|[\n;])\s*import[\s{*]/;

/** Finds `import … from "patterns/…"` declarations. Code without imports is returned unchanged. */
export function extractImports(code: string): ExtractedImports {
  if (!IMPORT_START.test(code)) return { code, bindings: [], errors: [] };
  let ast: Node & { body: Node[] };
  try {
    ast = parse(code, { ecmaVersion: 2022, sourceType: 'module', allowAwaitOutsideFunction: true }) as Node & { body: Node[] };
  } catch {
    return { code, bindings: [], errors: [] }; // the transpiler will report the syntax error
  }
  const chars = code.split('');
  const bindings: ImportBinding[] = [];
  const errors: MotifError[] = [];
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration') continue;
    const decl = node as Node & {
      source: { value: string };
      specifiers: (Node & { type: string; local: { name: string }; imported?: { name?: string; value?: string } })[];
    };
    for (let i = decl.start; i < decl.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    const specifier = String(decl.source.value);
    if (!specifier.startsWith('patterns/')) {
      errors.push({ kind: 'reference', message: `Only pattern modules can be imported ("patterns/…"), not "${specifier}"`, ...positionAt(code, decl.start) });
      continue;
    }
    for (const spec of decl.specifiers) {
      if (spec.type === 'ImportNamespaceSpecifier') {
        bindings.push({ local: spec.local.name, imported: '*', specifier, offset: decl.start });
      } else if (spec.type === 'ImportDefaultSpecifier') {
        bindings.push({ local: spec.local.name, imported: 'default', specifier, offset: decl.start });
      } else {
        const imported = spec.imported?.name ?? String(spec.imported?.value);
        bindings.push({ local: spec.local.name, imported, specifier, offset: decl.start });
      }
    }
  }
  return { code: chars.join(''), bindings, errors };
}

/**
 * Resolves bindings to values, loading each module once. `load` evaluates a module's source;
 * errors name the import's position in `code`.
 */
export async function bindImports(
  code: string,
  bindings: ImportBinding[],
  load: (specifier: string) => Promise<ModuleLoad>,
): Promise<{ scope: Scope; errors: MotifError[] }> {
  const scope: Scope = {};
  const errors: MotifError[] = [];
  const loaded = new Map<string, ModuleLoad>();
  for (const binding of bindings) {
    let module = loaded.get(binding.specifier);
    if (!module) {
      module = await load(binding.specifier);
      loaded.set(binding.specifier, module);
    }
    const at = positionAt(code, binding.offset);
    if (!module.exports) {
      const first = module.errors[0];
      const detail = first ? `${first.message} (${binding.specifier}:${first.line}:${first.column})` : 'it failed';
      if (!errors.some((e) => e.line === at.line && e.message.includes(binding.specifier))) {
        errors.push({ kind: first?.kind ?? 'runtime', message: `Cannot import "${binding.specifier}": ${detail}`, ...at });
      }
      continue;
    }
    if (binding.imported === '*') {
      scope[binding.local] = module.exports;
    } else if (binding.imported in module.exports) {
      scope[binding.local] = module.exports[binding.imported];
    } else {
      errors.push({ kind: 'reference', message: `"${binding.specifier}" has no export named ${binding.imported}`, ...at });
    }
  }
  return { scope, errors };
}

/** Blanks `export` keywords of `export const|let|function|class|async` and lists the exported names. */
export function extractExports(code: string): { code: string; names: string[] } {
  let ast: Node & { body: Node[] };
  try {
    ast = parse(code, { ecmaVersion: 2022, sourceType: 'module', allowAwaitOutsideFunction: true }) as Node & { body: Node[] };
  } catch {
    return { code, names: [] };
  }
  const chars = code.split('');
  const names: string[] = [];
  for (const node of ast.body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const decl = (node as Node & { declaration: (Node & { id?: { name: string }; declarations?: { id: Node & { name?: string } }[] }) | null }).declaration;
    if (!decl) continue; // `export { a }` lists: the names are declared elsewhere, see below
    for (let i = node.start; i < decl.start; i++) chars[i] = ' ';
    if (decl.id) names.push(decl.id.name);
    for (const d of decl.declarations ?? []) if (d.id.name) names.push(d.id.name);
  }
  for (const node of ast.body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const list = node as Node & { declaration: Node | null; source: Node | null; specifiers: { local: { name: string }; exported: { name: string } }[] };
    if (list.declaration || list.source) continue;
    for (let i = node.start; i < node.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    for (const spec of list.specifiers) names.push(spec.local.name === spec.exported.name ? spec.local.name : `${spec.exported.name}:${spec.local.name}`);
  }
  return { code: chars.join(''), names };
}

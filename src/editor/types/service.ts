/**
 * The type checker behind the editor: a TypeScript language service over a virtual file system
 * holding the standard library, lang/ and patterns/, and the user's code as `/user/main.ts`.
 * Runs in the worker (worker.ts), and in Node for tests. A failure inside TypeScript never
 * propagates: the method answers "nothing" and the failure is reported through `onError`.
 */
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from '@typescript/vfs';
import ts from 'typescript';
import { stripTypes } from '../../runtime/strip-types.ts';
import type { TypeFiles } from './files.ts';
import type { CompletionItem, CompletionList, HoverDocs, SymbolDocs, TypeDiagnostic, TypeService } from './protocol.ts';
import { LANG_COMPILER_OPTIONS, USER_FILE, userFileText } from './user-file.ts';

const COMPLETION_TYPES: Partial<Record<string, string>> = {
  method: 'method',
  function: 'function',
  property: 'property',
  getter: 'property',
  var: 'variable',
  let: 'variable',
  const: 'constant',
  'local var': 'variable',
  parameter: 'variable',
  keyword: 'keyword',
  interface: 'interface',
  type: 'type',
  class: 'class',
  module: 'namespace',
  alias: 'variable',
};

/** Typing these right after a word means a method is wanted: `.` */
const WORD_BEFORE = /[\w$]*$/;

function text(parts: readonly ts.SymbolDisplayPart[] | undefined): string {
  return (parts ?? []).map((part) => part.text).join('');
}

function docs(info: { displayParts?: ts.SymbolDisplayPart[]; documentation?: ts.SymbolDisplayPart[]; tags?: ts.JSDocTagInfo[] }): SymbolDocs {
  return {
    signature: text(info.displayParts),
    documentation: text(info.documentation),
    tags: (info.tags ?? []).map((tag) => ({ name: tag.name, text: text(tag.text) })),
  };
}

function severity(category: ts.DiagnosticCategory): TypeDiagnostic['severity'] {
  if (category === ts.DiagnosticCategory.Error) return 'error';
  if (category === ts.DiagnosticCategory.Warning) return 'warning';
  return 'info';
}

export function createTypeService(files: TypeFiles, onError: (error: unknown) => void = () => undefined): TypeService {
  const map = new Map<string, string>();
  for (const [name, content] of Object.entries(files.libs)) map.set(`/${name}`, content);
  for (const [name, content] of Object.entries(files.lang)) map.set(`/lang/${name}`, content);
  for (const [name, content] of Object.entries(files.patterns)) map.set(`/patterns/${name}`, content);
  let code = '';
  map.set(USER_FILE, userFileText(code));
  const options: ts.CompilerOptions = { ...LANG_COMPILER_OPTIONS, baseUrl: '/', paths: { 'patterns/*': ['/patterns/*'] } };
  const roots = [...map.keys()].filter((path) => !/^\/lib\./.test(path));
  const env: VirtualTypeScriptEnvironment = createVirtualTypeScriptEnvironment(createSystem(map), roots, ts, options);
  const service = env.languageService;

  /** Runs a query; a crash inside TypeScript gives `fallback` and is reported, never thrown. */
  const safely = <T>(fallback: T, query: () => T): T => {
    try {
      return query();
    } catch (error) {
      onError(error);
      return fallback;
    }
  };
  const inCode = (pos: number) => Math.max(0, Math.min(pos, code.length));

  return {
    update(next) {
      safely(undefined, () => {
        code = next;
        env.updateFile(USER_FILE, userFileText(next));
      });
    },

    diagnostics() {
      return safely([], () => {
        const all = [...service.getSyntacticDiagnostics(USER_FILE), ...service.getSemanticDiagnostics(USER_FILE)];
        return all.map((d) => {
          const from = inCode(d.start ?? 0);
          return {
            from,
            to: Math.max(from, inCode((d.start ?? 0) + (d.length ?? 0))),
            severity: severity(d.category),
            message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
            code: d.code,
          };
        });
      });
    },

    completions(pos, explicit) {
      return safely<CompletionList | null>(null, () => {
        const before = code.slice(0, pos);
        const word = WORD_BEFORE.exec(before)![0];
        const afterDot = before.slice(0, before.length - word.length).endsWith('.');
        if (!word && !afterDot && !explicit) return null;
        const info = service.getCompletionsAtPosition(USER_FILE, pos, { includeCompletionsWithInsertText: false });
        if (!info) return null;
        const items: CompletionItem[] = info.entries
          .filter((entry) => entry.kind !== ts.ScriptElementKind.warning && !entry.name.startsWith('_'))
          .map((entry) => ({
            label: entry.name,
            ...(COMPLETION_TYPES[entry.kind] ? { type: COMPLETION_TYPES[entry.kind] } : {}),
            boost: -Number.parseInt(entry.sortText, 10) || 0,
          }));
        return { from: pos - word.length, items };
      });
    },

    completionDocs(pos, name) {
      return safely<SymbolDocs | null>(null, () => {
        const details = service.getCompletionEntryDetails(USER_FILE, pos, name, {}, undefined, undefined, undefined);
        return details ? docs(details) : null;
      });
    },

    hover(pos) {
      return safely<HoverDocs | null>(null, () => {
        const info = service.getQuickInfoAtPosition(USER_FILE, pos);
        if (!info || info.textSpan.start > code.length) return null;
        return { ...docs(info), from: info.textSpan.start, to: info.textSpan.start + info.textSpan.length };
      });
    },

    strip(code) {
      return stripTypes(code);
    },
  };
}

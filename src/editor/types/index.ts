/**
 * Type support for the Motif editor: diagnostics as you type, completion of methods after `.`
 * (with signatures and docs), and hover docs, from the TypeScript language service running in a
 * worker over lang/'s declarations. Evaluating code with type errors stays allowed: these are
 * hints in the editor, never a block.
 *
 * Usage: add `...typescriptSupport()` to the editor's extensions (it needs `autocompletion()`,
 * which the editor already has; completions arrive through language data, so they combine with
 * other sources).
 */
import { type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, ViewPlugin } from '@codemirror/view';
import { createTypeClient, type TypeClient, type WorkerLike } from './client.ts';
import type { SymbolDocs } from './protocol.ts';
import type { StripResult } from '../../runtime/strip-types.ts';

export { bundledPatternModules } from './pattern-modules.ts';
export { loadReference, searchReference, type ReferenceEntry, type ReferenceSection } from './reference.ts';
// TypeScript itself stays in the worker: nothing here may import service.ts or files.ts.
export type { TypeService, TypeDiagnostic, SymbolDocs } from './protocol.ts';
export { createTypeClient, type TypeClient } from './client.ts';

/**
 * A type stripper for evaluate() that runs in the type worker, so the TypeScript compiler never
 * loads on the page's thread (that blocked the audio scheduling for seconds). When the worker is
 * unavailable the code goes on unstripped, and the JavaScript parser reports what it rejects.
 */
export function workerTypeStripper(client: TypeClient): (code: string) => Promise<StripResult> {
  return async (code) => (await client.call('strip', code)) ?? { code, unsupported: [] };
}

export interface TypeScriptSupportOptions {
  /** Starts the worker; the default starts worker.ts. Tests pass a stand-in. */
  startWorker?: () => WorkerLike;
  /** A client to share with other users of the worker (the player strips types through it). */
  client?: TypeClient;
  /** Milliseconds of quiet typing before diagnostics refresh (default 300). */
  lintDelay?: number;
}

/** Node types in which completion makes no sense (mini-notation lives in strings). */
const NO_COMPLETION_IN = new Set(['String', 'TemplateString', 'LineComment', 'BlockComment']);

export function renderDocs(docs: SymbolDocs): HTMLElement {
  const dom = document.createElement('div');
  dom.className = 'cm-motif-type-docs';
  const signature = dom.appendChild(document.createElement('code'));
  signature.className = 'cm-motif-type-signature';
  signature.textContent = docs.signature;
  if (docs.documentation) {
    const text = dom.appendChild(document.createElement('div'));
    text.textContent = docs.documentation;
  }
  for (const tag of docs.tags) {
    if (tag.name === 'example') {
      const pre = dom.appendChild(document.createElement('pre'));
      pre.textContent = tag.text;
    } else if (tag.name === 'param') {
      const param = dom.appendChild(document.createElement('div'));
      param.className = 'cm-motif-type-param';
      param.textContent = tag.text;
    }
  }
  return dom;
}

function completionSource(client: TypeClient) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (NO_COMPLETION_IN.has(node.name)) return null;
    const list = await client.call('completions', context.pos, context.explicit);
    if (!list || context.aborted) return null;
    const pos = context.pos;
    return {
      from: list.from,
      validFor: /^[\w$]*$/,
      options: list.items.map((item) => ({
        label: item.label,
        ...(item.type ? { type: item.type } : {}),
        boost: Math.max(-99, Math.min(99, item.boost)),
        info: async () => {
          const docs = await client.call('completionDocs', pos, item.label);
          return docs ? renderDocs(docs) : null;
        },
      })),
    };
  };
}

const docsTheme = EditorView.baseTheme({
  '.cm-motif-type-docs': { maxWidth: '36em', padding: '4px 8px', fontSize: '90%', whiteSpace: 'pre-wrap' },
  '.cm-motif-type-docs pre': { margin: '4px 0 0', padding: '2px 4px', opacity: '0.85' },
  '.cm-motif-type-signature': { display: 'block', marginBottom: '4px', fontWeight: 'bold' },
  '.cm-motif-type-param': { opacity: '0.8' },
});

/** The editor extensions for type support. One worker per call (per editor). */
export function typescriptSupport(options: TypeScriptSupportOptions = {}): Extension[] {
  const client = options.client ?? createTypeClient(options.startWorker);
  const sync = ViewPlugin.define((view) => {
    void client.call('update', view.state.doc.toString());
    return {
      update(update) {
        // Every change is sent at once (messages are ordered), so later queries see current code.
        if (update.docChanged) void client.call('update', update.state.doc.toString());
      },
      destroy() {
        client.dispose();
      },
    };
  });
  const diagnostics = linter(
    async (view): Promise<Diagnostic[]> => {
      const found = await client.call('diagnostics');
      const length = view.state.doc.length;
      return (found ?? [])
        .filter((d) => d.from <= length)
        .map((d) => ({ from: d.from, to: Math.min(d.to, length), severity: d.severity, message: d.message, source: 'types' }));
    },
    { delay: options.lintDelay ?? 300 },
  );
  const hover = hoverTooltip(async (_view, pos) => {
    const docs = await client.call('hover', pos);
    if (!docs) return null;
    return { pos: docs.from, end: docs.to, above: true, create: () => ({ dom: renderDocs(docs) }) };
  });
  // One source object for the editor's life: autocompletion tells sources apart by identity.
  const completions = [{ autocomplete: completionSource(client) }];
  return [sync, diagnostics, EditorState.languageData.of(() => completions), hover, docsTheme];
}

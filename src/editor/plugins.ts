/**
 * The seam for editor features that other parts of Motif provide (TypeScript completion and
 * diagnostics from `src/editor/types/`, the status of AI `.continue()` calls from `src/ai/`).
 * Add them here and nowhere else; `extensions.ts` includes this list after Motif's own.
 */
import type { Extension } from '@codemirror/state';
import type { PlayerPort } from './player-port.ts';

export interface PluginContext {
  player: PlayerPort;
}

export function editorPlugins(_context: PluginContext): Extension[] {
  return [];
}

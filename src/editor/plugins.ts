/**
 * The seam for editor features that other parts of Motif provide: TypeScript completion,
 * diagnostics and hover docs (`src/editor/types/`), and the state of AI `.continue()` calls
 * (`src/ai/`'s host, through ai-status.ts). Add such features here and nowhere else;
 * `extensions.ts` includes this list after Motif's own extensions.
 */
import type { Extension } from '@codemirror/state';
import { aiStatus, type AiStatusSource } from './ai-status.ts';
import { bakeCommand, type BakeSource } from './bake-command.ts';
import type { PlayerPort } from './player-port.ts';
import { typescriptSupport, type TypeClient } from './types/index.ts';

export interface PluginContext {
  player: PlayerPort;
  /** Statuses of AI calls, when the page has an AI host. */
  ai?: AiStatusSource & BakeSource;
  /** Shows a message to the performer (the status line). */
  report?: (message: string, error: boolean) => void;
  /** Type support runs the TypeScript language service in a worker (default on). */
  types?: boolean;
  /** The type worker's client, shared with the player's type stripper. */
  typeClient?: TypeClient;
}

export function editorPlugins(context: PluginContext): Extension[] {
  return [...(context.types === false ? [] : typescriptSupport(context.typeClient ? { client: context.typeClient } : {})), ...(context.ai ? [aiStatus(context.ai), bakeCommand(context.ai, context.report ?? (() => undefined))] : [])];
}

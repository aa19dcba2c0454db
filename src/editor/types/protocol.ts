/**
 * The messages between the editor and its type-checking worker. Requests carry an id; the
 * worker answers each with the same id, with a result or an error message. Positions are
 * offsets in the user's code.
 */
import type { StripResult } from '../../runtime/strip-types.ts';

export interface TypeDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** TypeScript's error number, e.g. 2551 for "did you mean". */
  code: number;
}

export interface CompletionItem {
  label: string;
  /** CodeMirror's icon type: `method`, `function`, `variable`, `property`, `keyword`, … */
  type?: string;
  /** Higher comes first. */
  boost: number;
}

export interface CompletionList {
  from: number;
  items: CompletionItem[];
}

export interface SymbolDocs {
  /** The signature, e.g. `(method) Pattern.fast(factor: NumberPattern): Pattern`. */
  signature: string;
  documentation: string;
  /** JSDoc tags: `param`, `example`, … */
  tags: { name: string; text: string }[];
}

export interface HoverDocs extends SymbolDocs {
  from: number;
  to: number;
}

export interface TypeService {
  /** Replaces the user's code. */
  update(code: string): void;
  diagnostics(): TypeDiagnostic[];
  completions(pos: number, explicit: boolean): CompletionList | null;
  /** Signature and docs of one completion, fetched when it is shown. */
  completionDocs(pos: number, name: string): SymbolDocs | null;
  hover(pos: number): HoverDocs | null;
  /** Blanks out TypeScript syntax in code about to be evaluated (see src/runtime/strip-types.ts). */
  strip(code: string): StripResult;
}

export type Method = keyof TypeService;

export interface Request<M extends Method = Method> {
  id: number;
  method: M;
  params: Parameters<TypeService[M]>;
}

export type Response = { id: number; result: unknown } | { id: number; error: string };

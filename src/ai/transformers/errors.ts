/** Errors of AI transformer calls: each names the function and, where one is at fault, the option. */

export class AiCallError extends Error {
  constructor(
    readonly fn: string,
    message: string,
    readonly option?: string,
  ) {
    super(option ? `.${fn}(): option \`${option}\`: ${message}` : `.${fn}(): ${message}`);
    this.name = 'AiCallError';
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

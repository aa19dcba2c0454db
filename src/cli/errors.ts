/**
 * A mistake the user can fix (bad option, missing file, code that does not evaluate). The CLI
 * prints its message as one line on stderr and exits with `exitCode`, never with a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Exit code for wrong usage (unknown option, missing argument). */
export const USAGE = 2;

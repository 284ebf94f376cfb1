/**
 * A failure the user can fix (an unknown actor, a service that refused, a file that is missing): the message says
 * what happened and how to fix it. The router prints it and exits 1; a UsageError (exit 2) is for a wrong command line.
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

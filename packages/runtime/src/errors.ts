/**
 * The runtime's errors. Each says what was wrong and how to fix it; `exitCode` is what `defineActor` exits with
 * when the error ends an execution: 2 for bad input (environment, message, state), 1 for everything else.
 */

/** A platform variable is missing or holds a value the runtime cannot use. Names the variable. */
export class ActorEnvironmentError extends Error {
  override readonly name = 'ActorEnvironmentError';
  readonly exitCode = 2;
  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${variable}: ${message}`, options);
  }
}

/** One field of a message or state that failed its zod schema. */
export interface FieldIssue {
  /** Dotted path to the field, `(root)` for the value itself. */
  path: string;
  message: string;
}

/** The message or the state does not match the actor's schema. Lists every failing field. */
export class ActorInputError extends Error {
  override readonly name = 'ActorInputError';
  readonly exitCode = 2;
  constructor(
    readonly source: 'message' | 'state',
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    super(`the ${source} does not match the actor's ${source} schema:\n${lines}`, options);
  }
}

/** The execution has no binary message, or the pipe could not be read. */
export class BinaryMessageError extends Error {
  override readonly name = 'BinaryMessageError';
  readonly exitCode = 1;
}

/** A result could not be sent: too large, not encodable, or the results socket refused it. */
export class ResultError extends Error {
  override readonly name = 'ResultError';
  readonly exitCode = 1;
}

/** The handler returned something the runtime cannot apply (e.g. a state its own schema rejects). */
export class ActorOutputError extends Error {
  override readonly name = 'ActorOutputError';
  readonly exitCode = 1;
}

/** The exit code an error ends an execution with. */
export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' && Number.isInteger(code) && code > 0 ? code : 1;
}

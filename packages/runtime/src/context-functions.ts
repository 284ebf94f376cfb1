import type { z } from 'zod';
import type { ActorContext } from './context.js';
import { currentExecution } from './current-execution.js';
import { validateMessage, validateState } from './validate.js';

/**
 * The execution's context: ids, content type, raw and parsed message, state, the user's variables, API server and
 * token. Read once per execution. Throws `ActorEnvironmentError` naming a missing or malformed variable.
 *
 * @example
 * const { executionId, contentType, message, env } = getContext();
 */
export function getContext(): ActorContext {
  return currentExecution().context();
}

/**
 * The parsed message, validated by a zod schema. Throws `ActorInputError` listing every failing field.
 *
 * @example
 * const { n } = getMessage(z.object({ n: z.number().int() }));
 */
export function getMessage<S extends z.ZodType>(schema: S): z.output<S> {
  return validateMessage(schema, getContext());
}

/**
 * The state at the start of the execution, validated by a zod schema (`{}` when none was stored yet, so give
 * fields defaults). Throws `ActorInputError` listing every failing field.
 *
 * @example
 * const { count } = getState(z.object({ count: z.number().int().default(0) }));
 */
export function getState<S extends z.ZodType>(schema: S): z.output<S> {
  return validateState(schema, getContext());
}

/**
 * The bytes of a binary message (content type application/octet-stream), read from the pipe once and kept.
 * Throws `BinaryMessageError` when the message is not binary.
 *
 * @example
 * const bytes = await getBinaryMessage();
 */
export function getBinaryMessage(): Promise<Uint8Array> {
  return currentExecution().binary();
}

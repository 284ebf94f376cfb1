import type { z } from 'zod';
import { ActorInputError, type FieldIssue } from './errors.js';
import type { ActorContext } from './context.js';

/** zod's issues as `path: message` pairs, the path dotted with `[i]` for array items. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path:
      issue.path.reduce<string>(
        (acc, key) =>
          typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
        '',
      ) || '(root)',
    message: issue.message,
  }));
}

/** The state validated by `schema`, or an `ActorInputError` listing every failing field. */
export function validateState<S extends z.ZodType>(schema: S, context: ActorContext): z.output<S> {
  const parsed = schema.safeParse(context.state);
  if (parsed.success) return parsed.data;
  throw new ActorInputError('state', fieldIssues(parsed.error), { cause: parsed.error });
}

/**
 * The message validated by `schema`. A `str` message that does not match but holds JSON text is decoded and tried
 * again, so `{"n": 1}` sent as plain text reaches an object schema. A binary message has no parsed value: the error
 * says to read its bytes instead.
 */
export function validateMessage<S extends z.ZodType>(schema: S, context: ActorContext): z.output<S> {
  const parsed = schema.safeParse(context.message);
  if (parsed.success) return parsed.data;
  let error = parsed.error;
  if (context.contentType === 'str') {
    const decoded = decodeJson(context.rawMessage);
    if (decoded.ok) {
      const again = schema.safeParse(decoded.value);
      if (again.success) return again.data;
      error = again.error;
    }
  }
  const issues = fieldIssues(error);
  if (context.contentType === 'application/octet-stream') {
    issues.push({
      path: '(root)',
      message: 'the message is binary (application/octet-stream): read its bytes with getBinaryMessage()',
    });
  }
  throw new ActorInputError('message', issues, { cause: error });
}

function decodeJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // not JSON: the message is plain text, and the schema's verdict on the text stands
    return { ok: false };
  }
}

import type { z } from 'zod';
import { HttpError } from '../http/http-error.js';
import { camelTopLevel, describeIssues, parseBody } from '../http/validate.js';

/**
 * Validates a body whose schema words its failures in the service's texts (permission, alias and nonce requests):
 * the first failure's text comes first, verbatim, as the service would answer it; the others follow.
 */
export function parseServiceBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const input = body === undefined || body === null ? {} : camelTopLevel(body);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [first, ...rest] = parsed.error.issues;
  // not an object at all: the general answer says so
  if (!first || typeof input !== 'object' || Array.isArray(input)) return parseBody(schema, body, what);
  const more = rest.length
    ? ` (also: ${describeIssues({ ...parsed.error, issues: rest } as z.ZodError)})`
    : '';
  throw HttpError.badRequest(`${first.message}${more}`, parsed.error);
}

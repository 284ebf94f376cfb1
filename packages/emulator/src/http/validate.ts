import type { z } from 'zod';
import { snakeToCamel } from '@actorkit/api';
import { HttpError } from './http-error.js';

/** Request bodies arrive in either key case: top-level keys become camelCase; values (environments) are untouched. */
export function camelTopLevel(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([k, v]) => [snakeToCamel(k), v]),
  );
}

/** Names every wrong field, e.g. `stateless: Invalid input: expected boolean, received string`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.map(String).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** Validates a request body with an `@actorkit/api` schema; a failure is a 400 naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const input = body === undefined || body === null ? {} : camelTopLevel(body);
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw HttpError.badRequest(
      `the ${what} must be a JSON object or form fields, not ${Array.isArray(input) ? 'an array' : typeof input}`,
    );
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw HttpError.badRequest(`invalid ${what}: ${describeIssues(parsed.error)}`, parsed.error);
  return parsed.data;
}

import {
  CONFIG_REQUEST_FIELDS,
  ConfigRequestSchema,
  camelToSnake,
  type ConfigRequestParsed,
  type KeyCase,
} from '@actorkit/api';
import { HttpError } from '../http/http-error.js';
import { camelTopLevel } from '../http/validate.js';

/** The service's prefix for every config body it cannot parse (`Invalid config description. ...`). */
const MISSING = 'Invalid config description. Missing required field:';

/**
 * Reads a config body as the service's request parser does: every field is required, and each is looked for in
 * the JSON body, then the form, then the query string (reqparse's default locations). The first field missing,
 * in the service's order, is named in the server's key case: `Invalid config description. Missing required
 * field: isSecret`. A field of the wrong type gets the same prefix, then what was wrong.
 */
export function parseConfigRequest(
  body: unknown,
  query: Record<string, unknown>,
  keyCase: KeyCase,
): ConfigRequestParsed {
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
    throw HttpError.badRequest(
      `${MISSING} name; the config must be a JSON object or form fields with name, value, isSecret and actors`,
    );
  }
  const fromBody = camelTopLevel(body ?? {}) as Record<string, unknown>;
  const fromQuery = camelTopLevel(query) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const field of CONFIG_REQUEST_FIELDS) {
    const value = fromBody[field] !== undefined ? fromBody[field] : fromQuery[field];
    const shown = keyCase === 'snake' ? camelToSnake(field) : field;
    if (value === undefined || value === null) {
      throw HttpError.badRequest(
        `${MISSING} ${shown}; send name, value, ${keyCase === 'snake' ? 'is_secret' : 'isSecret'} and actors (a comma-separated string of actor ids or aliases)`,
      );
    }
    input[field] = value;
  }
  const parsed = ConfigRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'name';
    const shown = keyCase === 'snake' ? camelToSnake(field) : field;
    // never echo the value: it may be a secret
    throw HttpError.badRequest(`${MISSING} ${shown}; ${shown} ${issue?.message ?? 'is invalid'}`);
  }
  if (parsed.data.name === '') {
    throw HttpError.badRequest(`${MISSING} name; the name may not be empty`);
  }
  return parsed.data;
}

import { SEARCH_TYPES, SearchResultDisplaySchema, type SearchType } from '@actorkit/api';
import type { Request, Response } from 'express';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { reply } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { queryParams } from './query-params.js';
import { runSearch } from './run-search.js';

/** The service's `KeyError` text for an unknown type; the braces are literal in it (fidelity §7.1). */
export const SEARCH_TYPE_TEXT = 'Inputted search_type is invalid, must be one of {list(store_dict.keys())}.';

/** The type in `/search/{type}`, matched case-insensitively; any other is a 400 (the service answers 500). */
export function searchTypeOf(raw: string): SearchType {
  const lower = raw.toLowerCase();
  const type = SEARCH_TYPES.find((t) => t === lower);
  if (!type) throw HttpError.badRequest(`${SEARCH_TYPE_TEXT} Use one of: ${SEARCH_TYPES.join(', ')}.`);
  return type;
}

/** Runs the search of the request's query for its caller and answers `{_metadata, search}` with `message`. */
export function answerSearch(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  type: SearchType,
  prefill: Readonly<Record<string, string>>,
  message: string,
): void {
  const identity = identityOf(req);
  const result = runSearch(ctx.store, req, {
    type,
    params: queryParams(req),
    prefill,
    keyCase: ctx.keyCase,
    scope: { tenant: identity.tenant, user: identity.user },
  });
  reply(res, ctx, SearchResultDisplaySchema, result, message, 'plain');
}

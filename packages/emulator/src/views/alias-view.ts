import type { AliasDisplay } from '@actorkit/api';
import type { Request } from 'express';
import type { AliasRecord } from '../store/records.js';
import { actorsUrl, profileUrl } from './links.js';

/** `models.py Alias.display`: no tenant, no alias id, no create time. */
export function aliasView(req: Request, a: AliasRecord): AliasDisplay {
  return {
    alias: a.alias,
    actorId: a.actorId,
    owner: a.owner,
    _links: {
      self: actorsUrl(req, `/aliases/${encodeURIComponent(a.alias)}`),
      owner: profileUrl(req, a.owner),
      actor: actorsUrl(req, `/${a.actorId}`),
    },
  };
}

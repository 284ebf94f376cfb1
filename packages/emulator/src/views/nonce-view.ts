import { displayTime, type NonceDisplay } from '@actorkit/api';
import type { Request } from 'express';
import type { NonceRecord } from '../store/records.js';
import { actorsUrl, apiServer, profileUrl } from './links.js';

/**
 * `models.py Nonce.display`: no tenant; times as the service shows them (`lastUseTime` "None" until used); the
 * null `actorId` of an alias nonce and `alias` of an actor nonce stay null here (camel case drops them on the way
 * out). An alias nonce's actor link goes through the alias, which stands for the actor on every actor route.
 */
export function nonceView(req: Request, n: NonceRecord): NonceDisplay {
  const parent = n.actorId ? `/${n.actorId}` : `/aliases/${encodeURIComponent(n.alias ?? '')}`;
  return {
    id: n.id,
    actorId: n.actorId,
    alias: n.alias,
    owner: n.owner,
    roles: n.roles,
    level: n.level,
    maxUses: n.maxUses,
    description: n.description,
    apiServer: apiServer(req),
    createTime: displayTime(n.createTime),
    lastUseTime: displayTime(n.lastUseTime),
    currentUses: n.currentUses,
    remainingUses: n.maxUses === -1 ? -1 : Math.max(0, n.maxUses - n.currentUses),
    _links: {
      self: actorsUrl(req, `${parent}/nonces/${n.id}`),
      owner: profileUrl(req, n.owner),
      actor: actorsUrl(req, n.actorId ? `/${n.actorId}` : `/${encodeURIComponent(n.alias ?? '')}`),
    },
  };
}

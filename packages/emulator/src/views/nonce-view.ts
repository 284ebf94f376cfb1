import type { Request } from 'express';
import type { NonceRecord } from '../store/records.js';
import { apiBase, profileUrl as profile } from './links.js';

export function nonceView(req: Request, n: NonceRecord): Record<string, unknown> {
  const parent = n.actorId ? `${apiBase(req)}/${n.actorId}` : `${apiBase(req)}/aliases/${n.alias ?? ''}`;
  return {
    id: n.id,
    actorId: n.actorId,
    alias: n.alias,
    owner: n.owner,
    roles: n.roles,
    level: n.level,
    maxUses: n.maxUses,
    currentUses: n.currentUses,
    remainingUses: n.maxUses === -1 ? -1 : Math.max(0, n.maxUses - n.currentUses),
    description: n.description,
    tenant: n.tenant,
    createTime: n.createTime,
    lastUseTime: n.lastUseTime,
    _links: { self: `${parent}/nonces/${n.id}`, actor: parent, owner: profile(req, n.owner) },
  };
}

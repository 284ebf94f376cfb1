import type { Request } from 'express';
import type {
  ActorRecord,
  AliasRecord,
  ExecutionRecord,
  NonceRecord,
  WorkerRecord,
} from '../store/records.js';

/** The base URL of the request's API flavour, e.g. `http://127.0.0.1:8000/actors/v2`. */
export function apiBase(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

function profile(req: Request, user: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/profiles/v2/${encodeURIComponent(user)}`;
}

export function actorView(req: Request, a: ActorRecord, state: unknown): Record<string, unknown> {
  const self = `${apiBase(req)}/${a.id}`;
  return {
    ...a,
    state: state ?? {},
    _links: { self, owner: profile(req, a.owner), executions: `${self}/executions` },
  };
}

export function executionView(req: Request, e: ExecutionRecord): Record<string, unknown> {
  const self = `${apiBase(req)}/${e.actorId}/executions/${e.id}`;
  return { ...e, _links: { self, owner: profile(req, e.owner), logs: `${self}/logs` } };
}

export function workerView(req: Request, w: WorkerRecord): Record<string, unknown> {
  return {
    ...w,
    _links: { self: `${apiBase(req)}/${w.actorId}/workers/${w.id}`, actor: `${apiBase(req)}/${w.actorId}` },
  };
}

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

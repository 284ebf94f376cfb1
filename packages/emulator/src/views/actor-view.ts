import type { Request } from 'express';
import type { ActorRecord } from '../store/records.js';
import { apiBase, profileUrl as profile } from './links.js';

export function actorView(req: Request, a: ActorRecord, state: unknown): Record<string, unknown> {
  const self = `${apiBase(req)}/${a.id}`;
  return {
    ...a,
    state: state ?? {},
    _links: { self, owner: profile(req, a.owner), executions: `${self}/executions` },
  };
}

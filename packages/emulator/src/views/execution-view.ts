import type { Request } from 'express';
import type { ExecutionRecord } from '../store/records.js';
import { apiBase, profileUrl as profile } from './links.js';

export function executionView(req: Request, e: ExecutionRecord): Record<string, unknown> {
  const self = `${apiBase(req)}/${e.actorId}/executions/${e.id}`;
  return { ...e, _links: { self, owner: profile(req, e.owner), logs: `${self}/logs` } };
}

import type { Request } from 'express';
import type { WorkerRecord } from '../store/records.js';
import { apiBase, profileUrl as profile } from './links.js';

export function workerView(req: Request, w: WorkerRecord): Record<string, unknown> {
  return {
    ...w,
    _links: { self: `${apiBase(req)}/${w.actorId}/workers/${w.id}`, actor: `${apiBase(req)}/${w.actorId}` },
  };
}

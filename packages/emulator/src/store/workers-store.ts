import { nextSeq, type Db } from './db.js';
import type { ActorRecord, WorkerRecord } from './records.js';

/**
 * A worker as first recorded (the service's `REQUESTED`): its channel name is known, the rest (`cid`, host and
 * location) is filled in as it comes up.
 */
export function requestedWorker(actor: ActorRecord, id: string, createTime: string): WorkerRecord {
  return {
    id,
    actorId: actor.id,
    tenant: actor.tenant,
    status: 'REQUESTED',
    image: actor.image,
    cid: null,
    chName: `worker_${id}`,
    hostId: null,
    hostIp: null,
    location: null,
    lastExecution: null,
    lastExecutionTime: null,
    lastHealthCheckTime: null,
    createTime,
  };
}

/** A stored worker; records written before `chName` was kept get it (it is derived from the id). */
function read(doc: string): WorkerRecord {
  const w = JSON.parse(doc) as Partial<WorkerRecord> & { id: string };
  return { ...w, chName: w.chName ?? `worker_${w.id}` } as WorkerRecord;
}

/** Worker records: the API requests them (addWorker), the worker pool brings them to life and updates them. */
export class WorkersStore {
  constructor(private readonly db: Db) {}

  insert(w: WorkerRecord): void {
    this.db
      .prepare('INSERT INTO workers (id, seq, actor_id, doc) VALUES (?, ?, ?, ?)')
      .run(w.id, nextSeq(this.db, 'workers'), w.actorId, JSON.stringify(w));
  }

  get(actorId: string, id: string): WorkerRecord | null {
    const row = this.db.prepare('SELECT doc FROM workers WHERE id = ? AND actor_id = ?').get(id, actorId) as
      { doc: string } | undefined;
    return row ? read(row.doc) : null;
  }

  listForActor(actorId: string): WorkerRecord[] {
    const rows = this.db.prepare('SELECT doc FROM workers WHERE actor_id = ? ORDER BY seq').all(actorId) as {
      doc: string;
    }[];
    return rows.map((r) => read(r.doc));
  }

  /** Changes fields of a worker (status, cid, ...); answers the new record, or null when it is gone. */
  update(
    actorId: string,
    id: string,
    patch: Partial<Omit<WorkerRecord, 'id' | 'actorId'>>,
  ): WorkerRecord | null {
    const current = this.get(actorId, id);
    if (!current) return null;
    const next = { ...current, ...patch };
    this.db.prepare('UPDATE workers SET doc = ? WHERE id = ?').run(JSON.stringify(next), id);
    return next;
  }

  delete(actorId: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM workers WHERE id = ? AND actor_id = ?').run(id, actorId).changes === 1
    );
  }

  deleteForActor(actorId: string): void {
    this.db.prepare('DELETE FROM workers WHERE actor_id = ?').run(actorId);
  }
}

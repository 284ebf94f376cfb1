import { nextSeq, type Db } from './db.js';
import type { WorkerRecord } from './records.js';

/** Worker records. This part of the emulator only keeps them; the worker pool (next issue) brings them to life. */
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
    return row ? (JSON.parse(row.doc) as WorkerRecord) : null;
  }

  listForActor(actorId: string): WorkerRecord[] {
    const rows = this.db.prepare('SELECT doc FROM workers WHERE actor_id = ? ORDER BY seq').all(actorId) as {
      doc: string;
    }[];
    return rows.map((r) => JSON.parse(r.doc) as WorkerRecord);
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

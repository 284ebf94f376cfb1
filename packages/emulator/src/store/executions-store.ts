import type { ExecutionStatus } from '@actorkit/api';
import { nextSeq, type Db } from './db.js';
import type { ExecutionRecord } from './records.js';

export interface ExecutionTotals {
  totalExecutions: number;
  totalCpu: number;
  totalIo: number;
  totalRuntime: number;
}

/** Execution records, ordered per actor by the order they were created. */
export class ExecutionsStore {
  /** `changed` hears of every execution written or deleted (it wakes blocking reads). */
  constructor(
    private readonly db: Db,
    private readonly changed: (executionId: string) => void = () => {},
  ) {}

  insert(e: ExecutionRecord): void {
    this.db
      .prepare('INSERT INTO executions (id, seq, actor_id, doc) VALUES (?, ?, ?, ?)')
      .run(e.id, nextSeq(this.db, 'executions'), e.actorId, JSON.stringify(e));
    this.changed(e.id);
  }

  get(id: string): ExecutionRecord | null {
    const row = this.db.prepare('SELECT doc FROM executions WHERE id = ?').get(id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as ExecutionRecord) : null;
  }

  /** An actor's executions, oldest first, paged. */
  listForActor(actorId: string, limit: number, offset: number): ExecutionRecord[] {
    const rows = this.db
      .prepare('SELECT doc FROM executions WHERE actor_id = ? ORDER BY seq LIMIT ? OFFSET ?')
      .all(actorId, limit, offset) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ExecutionRecord);
  }

  /** Every execution of these actors, oldest first across all of them (search reads them in insertion order). */
  listForActors(actorIds: readonly string[]): ExecutionRecord[] {
    const rows = this.db
      .prepare('SELECT doc FROM executions WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(JSON.stringify(actorIds)) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ExecutionRecord);
  }

  totals(actorId: string): ExecutionTotals {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n, coalesce(sum(json_extract(doc, '$.cpu')), 0) AS cpu,
                coalesce(sum(json_extract(doc, '$.io')), 0) AS io, coalesce(sum(json_extract(doc, '$.runtime')), 0) AS runtime
         FROM executions WHERE actor_id = ?`,
      )
      .get(actorId) as { n: number; cpu: number; io: number; runtime: number };
    return { totalExecutions: row.n, totalCpu: row.cpu, totalIo: row.io, totalRuntime: row.runtime };
  }

  withStatus(status: ExecutionStatus): ExecutionRecord[] {
    const rows = this.db
      .prepare(`SELECT doc FROM executions WHERE json_extract(doc, '$.status') = ? ORDER BY seq`)
      .all(status) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ExecutionRecord);
  }

  /** Changes fields of an execution; answers the new record, or null when it is gone. */
  update(id: string, patch: Partial<Omit<ExecutionRecord, 'id' | 'actorId'>>): ExecutionRecord | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...patch };
    this.db.prepare('UPDATE executions SET doc = ? WHERE id = ?').run(JSON.stringify(next), id);
    this.changed(id);
    return next;
  }

  deleteForActor(actorId: string): string[] {
    const ids = (
      this.db.prepare('SELECT id FROM executions WHERE actor_id = ?').all(actorId) as { id: string }[]
    ).map((r) => r.id);
    this.db.prepare('DELETE FROM executions WHERE actor_id = ?').run(actorId);
    for (const id of ids) this.changed(id);
    return ids;
  }
}

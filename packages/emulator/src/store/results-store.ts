import type { Db } from './db.js';

/** Execution results: one row per datagram, popped oldest first. */
export class ResultsStore {
  constructor(private readonly db: Db) {}

  push(executionId: string, bytes: Uint8Array, at: string): void {
    this.db
      .prepare('INSERT INTO results (execution_id, bytes, create_time) VALUES (?, ?, ?)')
      .run(executionId, Buffer.from(bytes), at);
  }

  /** Removes and answers the oldest result of an execution; null when none is left. */
  pop(executionId: string): Buffer | null {
    const row = this.db
      .prepare(
        `DELETE FROM results WHERE seq = (SELECT min(seq) FROM results WHERE execution_id = ?) RETURNING bytes`,
      )
      .get(executionId) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  }

  count(executionId: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM results WHERE execution_id = ?').get(executionId) as {
        n: number;
      }
    ).n;
  }

  deleteFor(executionIds: readonly string[]): void {
    const stmt = this.db.prepare('DELETE FROM results WHERE execution_id = ?');
    for (const id of executionIds) stmt.run(id);
  }
}

import { utf8Boundary } from '../domain/utf8.js';
import type { Db } from './db.js';

/** The most log bytes kept per execution, as the real service caps them. */
export const LOG_CAP_BYTES = 1_000_000;
export const LOG_CAP_NOTE = `\n[actorkit] log output reached the ${LOG_CAP_BYTES.toLocaleString('en-US')}-byte cap; the rest was dropped\n`;

interface LogRow {
  text: string;
  bytes: number;
  capped: number;
}

/** Execution logs: stdout and stderr together, appended as they arrive, capped with a note. */
export class LogsStore {
  /** `changed` hears of every execution whose log grew or was deleted (it wakes blocking reads). */
  constructor(
    private readonly db: Db,
    private readonly changed: (executionId: string) => void = () => {},
  ) {}

  /** Appends a chunk. Call inside a transaction when several writes must agree. */
  append(executionId: string, chunk: string | Uint8Array): void {
    const row = this.db
      .prepare('SELECT text, bytes, capped FROM logs WHERE execution_id = ?')
      .get(executionId) as LogRow | undefined;
    if (row?.capped) return;
    const used = row?.bytes ?? 0;
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    let capped = 0;
    if (used + bytes.length > LOG_CAP_BYTES) {
      bytes = bytes.subarray(0, utf8Boundary(bytes, LOG_CAP_BYTES - used)); // no half character before the note
      capped = 1;
    }
    const text = bytes.toString('utf8') + (capped ? LOG_CAP_NOTE : '');
    this.db
      .prepare(
        `INSERT INTO logs (execution_id, text, bytes, capped) VALUES (?, ?, ?, ?)
         ON CONFLICT (execution_id) DO UPDATE SET text = text || excluded.text, bytes = bytes + excluded.bytes, capped = excluded.capped`,
      )
      .run(executionId, text, bytes.length, capped);
    this.changed(executionId);
  }

  /** How far the log has grown: its bytes, and whether it reached the cap (a cheap stand-in for the text). */
  extent(executionId: string): { bytes: number; capped: boolean } {
    const row = this.db.prepare('SELECT bytes, capped FROM logs WHERE execution_id = ?').get(executionId) as
      Pick<LogRow, 'bytes' | 'capped'> | undefined;
    return { bytes: row?.bytes ?? 0, capped: row?.capped === 1 };
  }

  get(executionId: string): string {
    const row = this.db.prepare('SELECT text FROM logs WHERE execution_id = ?').get(executionId) as
      LogRow | undefined;
    return row?.text ?? '';
  }

  /**
   * Gives a finished execution its log record when it has none yet (it wrote nothing): the service always stores
   * the logs of a finished execution, even empty, so search counts them. Call inside the finishing transaction.
   */
  ensure(executionId: string): void {
    const created = this.db
      .prepare(
        `INSERT INTO logs (execution_id, text, bytes, capped) VALUES (?, '', 0, 0) ON CONFLICT DO NOTHING`,
      )
      .run(executionId);
    if (created.changes > 0) this.changed(executionId);
  }

  /** The log records of these executions that exist, by execution id. */
  textsFor(executionIds: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare('SELECT execution_id, text FROM logs WHERE execution_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(executionIds)) as { execution_id: string; text: string }[];
    return new Map(rows.map((r) => [r.execution_id, r.text]));
  }

  deleteFor(executionIds: readonly string[]): void {
    const stmt = this.db.prepare('DELETE FROM logs WHERE execution_id = ?');
    for (const id of executionIds) {
      stmt.run(id);
      this.changed(id);
    }
  }
}

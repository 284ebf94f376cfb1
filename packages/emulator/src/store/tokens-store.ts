import type { Db } from './db.js';

export interface ExecutionToken {
  token: string;
  executionId: string;
  /** The actor's owner: the token acts as this user. */
  username: string;
  createTime: string;
}

/** Per-execution tokens: they survive a restart until revoked when their execution ends. */
export class TokensStore {
  constructor(private readonly db: Db) {}

  /** Stores a token for an execution, replacing one it had. */
  put(t: ExecutionToken): void {
    this.db
      .prepare(
        `INSERT INTO tokens (token, execution_id, username, create_time) VALUES (?, ?, ?, ?)
         ON CONFLICT (execution_id) DO UPDATE SET token = excluded.token, username = excluded.username, create_time = excluded.create_time`,
      )
      .run(t.token, t.executionId, t.username, t.createTime);
  }

  find(token: string): ExecutionToken | null {
    const row = this.db.prepare('SELECT * FROM tokens WHERE token = ?').get(token) as
      { token: string; execution_id: string; username: string; create_time: string } | undefined;
    return row
      ? {
          token: row.token,
          executionId: row.execution_id,
          username: row.username,
          createTime: row.create_time,
        }
      : null;
  }

  revoke(executionId: string): boolean {
    return this.db.prepare('DELETE FROM tokens WHERE execution_id = ?').run(executionId).changes === 1;
  }
}

import type { MessageContentType } from '@actorkit/api';
import type { Db } from './db.js';
import type { QueuedMessage } from './records.js';

interface MessageRow {
  seq: number;
  actor_id: string;
  execution_id: string;
  content_type: MessageContentType;
  body: Buffer;
  env: string;
  sender: string;
  create_time: string;
  claimed_by: string | null;
}

const fromRow = (r: MessageRow): QueuedMessage => ({
  seq: r.seq,
  actorId: r.actor_id,
  executionId: r.execution_id,
  contentType: r.content_type,
  body: r.body,
  env: JSON.parse(r.env) as Record<string, string>,
  sender: r.sender,
  createTime: r.create_time,
  claimedBy: r.claimed_by,
});

export type NewMessage = Omit<QueuedMessage, 'seq' | 'claimedBy'>;

/**
 * The mailbox table: one FIFO per actor, ordered by a monotonic sequence. A claimed message stays in the table
 * (invisible to count and purge) until its execution finishes, so a crash never loses it.
 */
export class MessagesStore {
  constructor(private readonly db: Db) {}

  insert(m: NewMessage): number {
    const info = this.db
      .prepare(
        `INSERT INTO messages (actor_id, execution_id, content_type, body, env, sender, create_time)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.actorId, m.executionId, m.contentType, m.body, JSON.stringify(m.env), m.sender, m.createTime);
    return Number(info.lastInsertRowid);
  }

  /** Messages waiting (not claimed), in order. */
  queued(actorId: string): QueuedMessage[] {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE actor_id = ? AND claimed_by IS NULL ORDER BY seq')
      .all(actorId) as MessageRow[];
    return rows.map(fromRow);
  }

  count(actorId: string): number {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM messages WHERE actor_id = ? AND claimed_by IS NULL')
      .get(actorId) as { n: number };
    return row.n;
  }

  /** Marks the oldest waiting message as claimed by a worker and answers it. Call inside a transaction. */
  claimOldest(actorId: string, workerId: string, at: string): QueuedMessage | null {
    const row = this.db
      .prepare(
        `UPDATE messages SET claimed_by = ?, claim_time = ?
         WHERE seq = (SELECT min(seq) FROM messages WHERE actor_id = ? AND claimed_by IS NULL) RETURNING *`,
      )
      .get(workerId, at, actorId) as MessageRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Drops the message of an execution (it has finished, or it was purged). */
  deleteByExecution(executionId: string): void {
    this.db.prepare('DELETE FROM messages WHERE execution_id = ?').run(executionId);
  }

  /** Removes every waiting message of an actor; answers their execution ids, in order. */
  purgeQueued(actorId: string): string[] {
    const rows = this.db
      .prepare('DELETE FROM messages WHERE actor_id = ? AND claimed_by IS NULL RETURNING execution_id, seq')
      .all(actorId) as { execution_id: string; seq: number }[];
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.execution_id);
  }

  /** The executions of claimed messages (at start-up: what a dead worker had taken). */
  claimedExecutionIds(): string[] {
    const rows = this.db
      .prepare('SELECT execution_id FROM messages WHERE claimed_by IS NOT NULL ORDER BY seq')
      .all() as {
      execution_id: string;
    }[];
    return rows.map((r) => r.execution_id);
  }

  /** Puts every claimed message back in its queue (at start-up: nothing runs them any more). */
  releaseClaims(): number {
    return this.db
      .prepare('UPDATE messages SET claimed_by = NULL, claim_time = NULL WHERE claimed_by IS NOT NULL')
      .run().changes;
  }

  /** Puts one claimed message back at its place in the queue (its execution could not start). */
  release(executionId: string): boolean {
    return (
      this.db
        .prepare('UPDATE messages SET claimed_by = NULL, claim_time = NULL WHERE execution_id = ?')
        .run(executionId).changes === 1
    );
  }

  deleteForActor(actorId: string): void {
    this.db.prepare('DELETE FROM messages WHERE actor_id = ?').run(actorId);
  }
}

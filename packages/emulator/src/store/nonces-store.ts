import type { PermissionLevel } from '@actorkit/api';
import type { Db } from './db.js';
import type { NonceRecord } from './records.js';

interface NonceRow {
  id: string;
  actor_id: string | null;
  alias: string | null;
  owner: string;
  roles: string;
  level: PermissionLevel;
  max_uses: number;
  current_uses: number;
  description: string;
  tenant: string;
  create_time: string;
  last_use_time: string | null;
}

const fromRow = (r: NonceRow): NonceRecord => ({
  id: r.id,
  actorId: r.actor_id,
  alias: r.alias,
  owner: r.owner,
  roles: JSON.parse(r.roles) as string[],
  level: r.level,
  maxUses: r.max_uses,
  currentUses: r.current_uses,
  description: r.description,
  tenant: r.tenant,
  createTime: r.create_time,
  lastUseTime: r.last_use_time,
});

/** Nonces of actors and aliases (an alias's are keyed by tenant and name), with atomic use counting. */
export class NoncesStore {
  constructor(private readonly db: Db) {}

  insert(n: NonceRecord): void {
    this.db
      .prepare(
        `INSERT INTO nonces (id, actor_id, alias, owner, roles, level, max_uses, current_uses, description, tenant, create_time, last_use_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        n.id,
        n.actorId,
        n.alias,
        n.owner,
        JSON.stringify(n.roles),
        n.level,
        n.maxUses,
        n.currentUses,
        n.description,
        n.tenant,
        n.createTime,
        n.lastUseTime,
      );
  }

  get(id: string): NonceRecord | null {
    const row = this.db.prepare('SELECT * FROM nonces WHERE id = ?').get(id) as NonceRow | undefined;
    return row ? fromRow(row) : null;
  }

  listForActor(actorId: string): NonceRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM nonces WHERE actor_id = ? ORDER BY create_time, id')
      .all(actorId) as NonceRow[];
    return rows.map(fromRow);
  }

  /** The nonces of the alias of that name in the tenant. */
  listForAlias(tenant: string, alias: string): NonceRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM nonces WHERE tenant = ? AND alias = ? ORDER BY create_time, id')
      .all(tenant, alias) as NonceRow[];
    return rows.map(fromRow);
  }

  /**
   * Counts one use, in one statement: it succeeds only while uses are left, so two concurrent last uses cannot
   * both succeed. Answers false when none is left (or the nonce is gone).
   */
  redeem(id: string, at: string): boolean {
    const changes = this.db
      .prepare(
        `UPDATE nonces SET current_uses = current_uses + 1, last_use_time = ?
         WHERE id = ? AND (max_uses = -1 OR current_uses < max_uses)`,
      )
      .run(at, id).changes;
    return changes === 1;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM nonces WHERE id = ?').run(id).changes === 1;
  }

  deleteForActor(actorId: string): void {
    this.db.prepare('DELETE FROM nonces WHERE actor_id = ?').run(actorId);
  }

  deleteForAlias(tenant: string, alias: string): void {
    this.db.prepare('DELETE FROM nonces WHERE tenant = ? AND alias = ?').run(tenant, alias);
  }
}

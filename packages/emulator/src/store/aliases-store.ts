import type { Db } from './db.js';
import type { AliasRecord } from './records.js';

interface AliasRow {
  alias: string;
  actor_id: string;
  owner: string;
  tenant: string;
  create_time: string;
}

const fromRow = (r: AliasRow): AliasRecord => ({
  alias: r.alias,
  actorId: r.actor_id,
  owner: r.owner,
  tenant: r.tenant,
  createTime: r.create_time,
});

/** Aliases: a name that stands for an actor id. */
export class AliasesStore {
  constructor(private readonly db: Db) {}

  insert(a: AliasRecord): void {
    this.db
      .prepare('INSERT INTO aliases (alias, actor_id, owner, tenant, create_time) VALUES (?, ?, ?, ?, ?)')
      .run(a.alias, a.actorId, a.owner, a.tenant, a.createTime);
  }

  get(alias: string): AliasRecord | null {
    const row = this.db.prepare('SELECT * FROM aliases WHERE alias = ?').get(alias) as AliasRow | undefined;
    return row ? fromRow(row) : null;
  }

  all(): AliasRecord[] {
    return (this.db.prepare('SELECT * FROM aliases ORDER BY alias').all() as AliasRow[]).map(fromRow);
  }

  setTarget(alias: string, actorId: string): boolean {
    return (
      this.db.prepare('UPDATE aliases SET actor_id = ? WHERE alias = ?').run(actorId, alias).changes === 1
    );
  }

  delete(alias: string): boolean {
    return this.db.prepare('DELETE FROM aliases WHERE alias = ?').run(alias).changes === 1;
  }
}

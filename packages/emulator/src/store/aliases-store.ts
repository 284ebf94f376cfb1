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

/** An alias's target in the permissions table: `{tenant}_{alias}`, the service's alias id. */
export function aliasTarget(alias: { tenant: string; alias: string }): string {
  return `${alias.tenant}_${alias.alias}`;
}

/** Aliases: a name that stands for an actor id, unique within a tenant (the same name may exist in two tenants). */
export class AliasesStore {
  constructor(private readonly db: Db) {}

  insert(a: AliasRecord): void {
    this.db
      .prepare('INSERT INTO aliases (tenant, alias, actor_id, owner, create_time) VALUES (?, ?, ?, ?, ?)')
      .run(a.tenant, a.alias, a.actorId, a.owner, a.createTime);
  }

  /** The alias of that name in the tenant. */
  find(tenant: string, alias: string): AliasRecord | null {
    const row = this.db.prepare('SELECT * FROM aliases WHERE tenant = ? AND alias = ?').get(tenant, alias) as
      AliasRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every alias of a tenant, by name. */
  listForTenant(tenant: string): AliasRecord[] {
    return (
      this.db.prepare('SELECT * FROM aliases WHERE tenant = ? ORDER BY alias').all(tenant) as AliasRow[]
    ).map(fromRow);
  }

  /** The aliases that point at an actor. */
  forActor(actorId: string): AliasRecord[] {
    return (
      this.db.prepare('SELECT * FROM aliases WHERE actor_id = ? ORDER BY alias').all(actorId) as AliasRow[]
    ).map(fromRow);
  }

  setTarget(tenant: string, alias: string, actorId: string): boolean {
    return (
      this.db
        .prepare('UPDATE aliases SET actor_id = ? WHERE tenant = ? AND alias = ?')
        .run(actorId, tenant, alias).changes === 1
    );
  }

  delete(tenant: string, alias: string): boolean {
    return (
      this.db.prepare('DELETE FROM aliases WHERE tenant = ? AND alias = ?').run(tenant, alias).changes === 1
    );
  }
}

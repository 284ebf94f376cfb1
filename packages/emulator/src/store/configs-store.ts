import { configActorEntries } from '@actorkit/api';
import { SecretCipher } from '../configs/secret-cipher.js';
import type { Db } from './db.js';
import type { ConfigRecord } from './records.js';

interface ConfigRow {
  tenant: string;
  name: string;
  value: string;
  is_secret: number;
  actors: string;
  owner: string;
  create_time: string;
}

const fromRow = (r: ConfigRow): ConfigRecord => ({
  tenant: r.tenant,
  name: r.name,
  value: r.value,
  isSecret: r.is_secret === 1,
  actors: r.actors,
  owner: r.owner,
  createTime: r.create_time,
});

/** What a client sets on a config; `value` is the plain value (a secret is encrypted before it is stored). */
export interface ConfigFields {
  value: string;
  isSecret: boolean;
  actors: string;
}

/**
 * Actor configs, one per name and tenant. A secret's value is encrypted here, before it reaches the database, and
 * decrypted only for the executions it is delivered to: what the API reads back is the ciphertext.
 */
export class ConfigsStore {
  private readonly cipher: SecretCipher;

  constructor(
    private readonly db: Db,
    key: Buffer,
  ) {
    this.cipher = new SecretCipher(key);
  }

  private stored(tenant: string, name: string, fields: ConfigFields): string {
    return fields.isSecret ? this.cipher.encrypt(fields.value, { tenant, name }) : fields.value;
  }

  /** Inserts a config; null when the tenant already has one of that name. */
  insert(c: Omit<ConfigRecord, 'value' | 'isSecret' | 'actors'> & ConfigFields): ConfigRecord | null {
    const value = this.stored(c.tenant, c.name, c);
    const inserted = this.db
      .prepare(
        `INSERT INTO configs (tenant, name, value, is_secret, actors, owner, create_time)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, name) DO NOTHING`,
      )
      .run(c.tenant, c.name, value, c.isSecret ? 1 : 0, c.actors, c.owner, c.createTime);
    return inserted.changes === 1 ? this.get(c.tenant, c.name) : null;
  }

  get(tenant: string, name: string): ConfigRecord | null {
    const row = this.db.prepare('SELECT * FROM configs WHERE tenant = ? AND name = ?').get(tenant, name) as
      ConfigRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every config of a tenant, oldest first. */
  list(tenant: string): ConfigRecord[] {
    return (
      this.db.prepare('SELECT * FROM configs WHERE tenant = ? ORDER BY rowid').all(tenant) as ConfigRow[]
    ).map(fromRow);
  }

  /** Replaces value, secrecy and actors (a secret is encrypted again, with a new nonce); null when none. */
  replace(tenant: string, name: string, fields: ConfigFields): ConfigRecord | null {
    const changed = this.db
      .prepare('UPDATE configs SET value = ?, is_secret = ?, actors = ? WHERE tenant = ? AND name = ?')
      .run(this.stored(tenant, name, fields), fields.isSecret ? 1 : 0, fields.actors, tenant, name);
    return changed.changes === 1 ? this.get(tenant, name) : null;
  }

  delete(tenant: string, name: string): boolean {
    return (
      this.db.prepare('DELETE FROM configs WHERE tenant = ? AND name = ?').run(tenant, name).changes === 1
    );
  }

  /** The value an execution receives: a secret decrypted. */
  plainValue(config: ConfigRecord): string {
    return config.isSecret
      ? this.cipher.decrypt(config.value, { tenant: config.tenant, name: config.name })
      : config.value;
  }

  /**
   * `{name: value}` of the tenant's configs one of whose stripped, comma-separated `actors` entries is in `refs`
   * (the actor's id and aliases): an exact match in one tenant, where the service matches substrings across all.
   */
  deliveredTo(tenant: string, refs: ReadonlySet<string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const config of this.list(tenant)) {
      if (configActorEntries(config.actors).some((a) => refs.has(a)))
        out[config.name] = this.plainValue(config);
    }
    return out;
  }
}

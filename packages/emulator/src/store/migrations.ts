/**
 * The schema, one migration per step. `PRAGMA user_version` holds how many have run; each runs in its own
 * transaction together with the version bump, so a crash leaves either the old schema or the new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    owner TEXT NOT NULL,
    doc TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX actors_seq ON actors (seq);
  CREATE TABLE permissions (
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'alias')),
    target TEXT NOT NULL,
    username TEXT NOT NULL,
    level TEXT NOT NULL,
    PRIMARY KEY (kind, target, username)
  );
  CREATE TABLE aliases (
    alias TEXT PRIMARY KEY,
    actor_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    tenant TEXT NOT NULL,
    create_time TEXT NOT NULL
  );
  CREATE TABLE nonces (
    id TEXT PRIMARY KEY,
    actor_id TEXT,
    alias TEXT,
    owner TEXT NOT NULL,
    roles TEXT NOT NULL,
    level TEXT NOT NULL,
    max_uses INTEGER NOT NULL,
    current_uses INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    tenant TEXT NOT NULL,
    create_time TEXT NOT NULL,
    last_use_time TEXT
  );
  CREATE TABLE executions (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX executions_actor ON executions (actor_id, seq);
  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id TEXT NOT NULL,
    execution_id TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    env TEXT NOT NULL,
    sender TEXT NOT NULL,
    create_time TEXT NOT NULL,
    claimed_by TEXT,
    claim_time TEXT
  );
  CREATE INDEX messages_actor ON messages (actor_id, seq);
  CREATE TABLE logs (
    execution_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    capped INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT NOT NULL,
    bytes BLOB NOT NULL,
    create_time TEXT NOT NULL
  );
  CREATE INDEX results_execution ON results (execution_id, seq);
  CREATE TABLE tokens (
    token TEXT PRIMARY KEY,
    execution_id TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL,
    create_time TEXT NOT NULL
  );
  CREATE TABLE workers (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX workers_actor ON workers (actor_id, seq);
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
  // actor configs (fidelity §6): unique per tenant and name; a secret's value is its ciphertext
  `
  CREATE TABLE configs (
    tenant TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    is_secret INTEGER NOT NULL CHECK (is_secret IN (0, 1)),
    actors TEXT NOT NULL,
    owner TEXT NOT NULL,
    create_time TEXT NOT NULL,
    PRIMARY KEY (tenant, name)
  );
  `,
  // tenant isolation (fidelity §4, §5.1, §2.3): aliases keyed by (tenant, alias), as the service keys them
  // `{tenant}_{alias}`; alias permissions move to that tenant-qualified target (rows of aliases that no longer exist
  // are dropped: nothing could reach them); permissions may also be of kind `config` (target `{tenant}_{name}`),
  // keep their document order (rowid) and may hold NONE; nonces keep the creator's real role strings
  `
  CREATE TABLE aliases_by_tenant (
    tenant TEXT NOT NULL,
    alias TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    create_time TEXT NOT NULL,
    PRIMARY KEY (tenant, alias)
  );
  INSERT INTO aliases_by_tenant (tenant, alias, actor_id, owner, create_time)
    SELECT tenant, alias, actor_id, owner, create_time FROM aliases ORDER BY rowid;
  CREATE TABLE permissions_by_tenant (
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'alias', 'config')),
    target TEXT NOT NULL,
    username TEXT NOT NULL,
    level TEXT NOT NULL,
    PRIMARY KEY (kind, target, username)
  );
  INSERT INTO permissions_by_tenant (kind, target, username, level)
    SELECT p.kind, CASE WHEN p.kind = 'alias' THEN a.tenant || '_' || p.target ELSE p.target END, p.username, p.level
    FROM permissions p LEFT JOIN aliases a ON p.kind = 'alias' AND a.alias = p.target
    WHERE p.kind <> 'alias' OR a.alias IS NOT NULL
    ORDER BY p.rowid;
  DROP TABLE aliases;
  ALTER TABLE aliases_by_tenant RENAME TO aliases;
  CREATE INDEX aliases_actor ON aliases (actor_id);
  DROP TABLE permissions;
  ALTER TABLE permissions_by_tenant RENAME TO permissions;
  CREATE INDEX nonces_actor ON nonces (actor_id);
  CREATE INDEX nonces_alias ON nonces (tenant, alias);
  UPDATE nonces SET roles = replace(replace(replace(replace(roles,
    '"admin"', '"Internal/abaco-admin"'),
    '"privileged"', '"Internal/abaco-privileged"'),
    '"limited"', '"Internal/abaco-limited"'),
    '"user"', '"Internal/abaco-user"');
  `,
];

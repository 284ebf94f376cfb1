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
];

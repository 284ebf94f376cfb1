import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import createDebug from 'debug';
import { MIGRATIONS } from './migrations.js';
import { cacheStatements } from './statement-cache.js';

const debug = createDebug('actorkit:emulator:store');

export type Db = Database.Database;

/** The file the store lives in, inside the data directory. */
export const DB_FILE = 'emulator.sqlite';

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/**
 * Opens (creating when needed) the store: a file in `dataDir`, or memory when `dataDir` is null. WAL journal with
 * `synchronous=NORMAL`: a committed transaction survives a crash of the emulator at once, and a power loss once
 * `Store.flushed()` has resolved (group commit: the API awaits it before answering); an interrupted one leaves nothing.
 */
export function openDb(dataDir: string | null): Db {
  let db: Db;
  const where = dataDir === null ? ':memory:' : join(dataDir, DB_FILE);
  try {
    if (dataDir !== null) privateDataDir(dataDir);
    db = new Database(where);
  } catch (cause) {
    throw new StoreOpenError(
      `could not open the emulator store at ${where}: ${(cause as Error).message}; check that the data directory is writable, or pass another with --data-dir`,
      { cause },
    );
  }
  if (dataDir !== null) {
    privateFiles(dataDir); // before WAL: SQLite gives the -wal and -shm files the database file's mode
    db.pragma('journal_mode = WAL');
    privateFiles(dataDir);
  }
  db.pragma(dataDir === null ? 'synchronous = FULL' : 'synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  cacheStatements(db);
  debug('opened %s', where);
  return db;
}

/**
 * The data directory holds tokens, config secrets (encrypted, with their key) and the TLS CA's key: it is the
 * owner's alone (0700), whoever made it, and created so from the start.
 */
export function privateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/** The store's files (the database, its WAL and shared memory) are readable by their owner only. */
function privateFiles(dataDir: string): void {
  for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) {
    const file = join(dataDir, name);
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreOpenError(
      `the store was written by a newer emulator (schema ${current}, this one knows ${MIGRATIONS.length}); upgrade ActorKit or use another --data-dir`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
    debug('migrated the store to schema %d', v + 1);
  }
}

/** The next value of a named, monotonic counter (orders actors, executions, workers). Call inside a transaction. */
export function nextSeq(db: Db, name: string): number {
  const row = db
    .prepare(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .get(name) as { value: number };
  return row.value;
}

import { isoNow, systemClock, type Clock } from '../domain/clock.js';
import { newToken } from '../domain/ids.js';
import { ActorsStore } from './actors-store.js';
import { AliasesStore } from './aliases-store.js';
import { configSecretKey } from '../configs/secret-key.js';
import { ConfigsStore, type ConfigFields } from './configs-store.js';
import { join } from 'node:path';
import { DB_FILE, openDb, type Db } from './db.js';
import type { ExecutionFinish } from './execution-finish.js';
import { ExecutionChanges } from './execution-changes.js';
import { ExecutionsStore } from './executions-store.js';
import { LogsStore } from './logs-store.js';
import { MessagesStore } from './messages-store.js';
import { NoncesStore } from './nonces-store.js';
import { PermissionsStore } from './permissions-store.js';
import type { ActorRecord, ConfigRecord, ExecutionRecord } from './records.js';
import { ResultsStore } from './results-store.js';
import { TokensStore } from './tokens-store.js';
import { WalFlusher } from './wal-flusher.js';
import { WorkersStore } from './workers-store.js';

export interface StoreOptions {
  /** The directory holding the database file; null for an in-memory store (tests). */
  dataDir: string | null;
  clock?: Clock;
}

/**
 * The emulator's durable state: typed repositories over one SQLite database, and the operations that change
 * several tables at once, each in one transaction. Routes and workers never write SQL.
 */
export class Store {
  readonly actors: ActorsStore;
  readonly permissions: PermissionsStore;
  readonly aliases: AliasesStore;
  readonly nonces: NoncesStore;
  readonly executions: ExecutionsStore;
  readonly messages: MessagesStore;
  readonly logs: LogsStore;
  readonly results: ResultsStore;
  readonly tokens: TokensStore;
  readonly workers: WorkersStore;
  readonly configs: ConfigsStore;
  readonly clock: Clock;
  /** Wakes blocking reads of an execution when its record or log changes. */
  readonly changes = new ExecutionChanges();
  private readonly db: Db;
  private readonly flusher: WalFlusher | null;
  /** Whether the store is a file (not in memory): only then are answers held until the disk has their writes. */
  readonly onDisk: boolean;

  constructor(options: StoreOptions) {
    // read (or create) the config key first: should it fail, no database is left open
    const configKey = configSecretKey(options.dataDir);
    this.db = openDb(options.dataDir);
    this.onDisk = options.dataDir !== null;
    this.flusher =
      options.dataDir === null ? null : new WalFlusher(this.db, `${join(options.dataDir, DB_FILE)}-wal`);
    this.clock = options.clock ?? systemClock;
    this.actors = new ActorsStore(this.db);
    this.permissions = new PermissionsStore(this.db);
    this.aliases = new AliasesStore(this.db);
    this.nonces = new NoncesStore(this.db);
    const changed = (executionId: string) => this.changes.changed(executionId);
    this.executions = new ExecutionsStore(this.db, changed);
    this.messages = new MessagesStore(this.db);
    this.logs = new LogsStore(this.db, changed);
    this.results = new ResultsStore(this.db);
    this.tokens = new TokensStore(this.db);
    this.workers = new WorkersStore(this.db);
    this.configs = new ConfigsStore(this.db, configKey);
  }

  private readonly beforeWrites: (() => void)[] = [];

  /**
   * Work to do before every transaction: the mailbox commits the messages it holds for its next batch first, so
   * that writes stay in the order they were asked for.
   */
  beforeEachTransaction(fn: () => void): void {
    this.beforeWrites.push(fn);
  }

  /** Runs `fn` in one transaction: all of its writes are committed together, or none is. */
  transaction<T>(fn: () => T): T {
    for (const before of this.beforeWrites) before();
    return this.db.transaction(fn)();
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  /**
   * Resolves once every change committed so far is on disk. Commits do not wait for the disk themselves (group
   * commit): the API awaits this before it answers a request, so what it acknowledged survives a power loss.
   */
  flushed(): Promise<void> {
    return this.flusher && this.db.open ? this.flusher.flush() : Promise.resolve();
  }

  close(): void {
    this.changes.release();
    this.flusher?.close();
    if (this.db.open) this.db.close();
  }

  // ---- actors ------------------------------------------------------------------------------------------------
  /** Registers an actor; its creator gets UPDATE. */
  createActor(actor: ActorRecord): void {
    this.transaction(() => {
      this.actors.insert(actor);
      this.permissions.set('actor', actor.id, actor.owner, 'UPDATE');
    });
  }

  /** Removes an actor with its mailbox, nonces, permissions, workers, executions, logs, results and tokens. */
  deleteActor(actorId: string): boolean {
    return this.transaction(() => {
      if (!this.actors.delete(actorId)) return false;
      this.permissions.deleteAll('actor', actorId);
      this.nonces.deleteForActor(actorId);
      this.messages.deleteForActor(actorId);
      this.workers.deleteForActor(actorId);
      const executionIds = this.executions.deleteForActor(actorId);
      this.logs.deleteFor(executionIds);
      this.results.deleteFor(executionIds);
      for (const id of executionIds) this.tokens.revoke(id);
      return true;
    });
  }

  // ---- actor configs ----------------------------------------------------------------------------------------
  /** Stores a config with UPDATE for its creator; null when the tenant already has one of that name. */
  createConfig(
    config: Omit<ConfigRecord, 'value' | 'isSecret' | 'actors'> & ConfigFields,
  ): ConfigRecord | null {
    return this.transaction(() => {
      const created = this.configs.insert(config);
      if (created) this.permissions.set('config', configTarget(config), config.owner, 'UPDATE');
      return created;
    });
  }

  /** Removes a config and its permissions. */
  deleteConfig(tenant: string, name: string): boolean {
    return this.transaction(() => {
      if (!this.configs.delete(tenant, name)) return false;
      this.permissions.deleteAll('config', configTarget({ tenant, name }));
      return true;
    });
  }

  // ---- the execution lifecycle (called by workers) -----------------------------------------------------------
  /** The execution has started on a worker. */
  markRunning(
    executionId: string,
    workerId: string,
    startTime: Date = this.clock.now(),
  ): ExecutionRecord | null {
    return this.executions.update(executionId, {
      status: 'RUNNING',
      workerId,
      startTime: startTime.toISOString(),
    });
  }

  appendLog(executionId: string, chunk: string | Uint8Array): void {
    this.logs.append(executionId, chunk);
  }

  pushResult(executionId: string, bytes: Uint8Array): void {
    this.results.push(executionId, bytes, isoNow(this.clock));
  }

  /** Records how the execution ended, drops its message from the mailbox and revokes its token, atomically. */
  finish(executionId: string, end: ExecutionFinish): ExecutionRecord | null {
    return this.transaction(() => {
      const current = this.executions.get(executionId);
      if (!current) return null;
      const { startTime, ...rest } = end;
      const next = this.executions.update(executionId, {
        ...rest,
        startTime: startTime ?? current.startTime,
      });
      this.messages.deleteByExecution(executionId);
      this.tokens.revoke(executionId);
      this.logs.ensure(executionId); // a finished execution always has its log record, even empty (search counts it)
      return next;
    });
  }

  /** Executions a previous run of the emulator left RUNNING (it stopped while they ran). */
  executionsLeftRunning(): ExecutionRecord[] {
    return this.executions.withStatus('RUNNING');
  }

  /** Mints the token an execution's container acts with: it authenticates as the actor's owner until revoked. */
  mintExecutionToken(executionId: string, actorOwner: string): string {
    const token = newToken();
    this.tokens.put({ token, executionId, username: actorOwner, createTime: isoNow(this.clock) });
    return token;
  }

  revokeExecutionToken(executionId: string): boolean {
    return this.tokens.revoke(executionId);
  }
}

/** A config's target in the permissions table: `{tenant}_{name}`, the service's store key. */
export function configTarget(config: { tenant: string; name: string }): string {
  return `${config.tenant}_${config.name}`;
}

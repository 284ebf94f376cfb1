import type { KeyCase, Role } from '@actorkit/api';
import type { Clock } from './domain/clock.js';
import type { Executor } from './executor/executor.js';
import type { ExecutionControl } from './seams/execution-control.js';
import type { WorkerPoolFactory } from './seams/pool-factory.js';
import type { WorkerPool } from './seams/worker-pool.js';

export interface EmulatorUser {
  name: string;
  token: string;
  /** Default `['user']`. */
  roles?: Role[];
}

export interface StartEmulatorOptions {
  /** 0 picks a free port. Default 0 (the CLI defaults to 8000). */
  port?: number;
  /** Default 127.0.0.1: the emulator is for this machine only unless told otherwise. */
  host?: string;
  /** Where the store lives. Default `.actorkit/` in the working directory. Ignored with `inMemory`. */
  dataDir?: string;
  /** Keep everything in memory (tests): nothing survives dispose. */
  inMemory?: boolean;
  /** Response key case. Default camel. Requests are accepted in either. */
  keyCase?: KeyCase;
  /** The local user's name. Default: the OS account name. */
  user?: string;
  /** The local user's bearer token. Default: the one saved in the data dir, or a new one (saved there). */
  token?: string;
  /** The local user's roles. Default `['admin']`, so addWorker works out of the box. */
  roles?: Role[];
  /** More users known by bearer token. */
  users?: EmulatorUser[];
  /** Read X-Jwt-Assertion-* and X-Tapis-Token JWTs without checking signatures. Default false. */
  trustJwt?: boolean;
  /** Requests without credentials act as the local user. Default false. */
  noAuth?: boolean;
  /** The local tenant (nonce ids start with it). Default DEV-DEVELOP. */
  tenant?: string;
  /**
   * The `token` of an actor registered or updated without one, as the service's `web.default_token` config: the
   * raw text (e.g. `"false"`, `"true"`), stored and shown as text, as the service does. Default: none, so the
   * boolean false.
   */
  defaultToken?: string;
  /** Per tenant, as the service's `web.{tenant}_default_token`; wins over `defaultToken`. Default: none. */
  tenantDefaultTokens?: Record<string, string>;
  /** The queue names an actor may name, as the service's `spawner.host_queues`. Default `['default']`. */
  queues?: string[];
  /** Privileged actors may be registered (a privileged container is root on this machine). Default false. */
  allowPrivileged?: boolean;
  /** Web origins whose pages may call the API from a browser, besides the emulator's own. Default none. */
  corsOrigins?: string[];
  /** Host names the emulator answers to besides localhost, IP literals and the bound address; `*` for any. */
  allowedHosts?: string[];
  /** Cap on JSON and form bodies, bytes. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Cap on binary messages, bytes. Default 10 MiB. */
  maxBinaryBytes?: number;
  /** Runs executions (next issue). Kept for the worker pool; nothing runs in this part. */
  executor?: Executor;
  /**
   * What runs messages: a pool, or a factory given the emulator's store and mailbox (the emulator then starts it
   * once listening and disposes it). Default: the no-op pool (actors stay SUBMITTED, messages stay queued).
   */
  workerPool?: WorkerPool | WorkerPoolFactory;
  /** Force-quit hook. Default: the pool when it has `forceQuit`, else none (force-quit answers 400). */
  executionControl?: ExecutionControl;
  clock?: Clock;
  /** How long dispose waits for in-flight requests before cutting connections. Default 5000 ms. */
  shutdownTimeoutMs?: number;
}

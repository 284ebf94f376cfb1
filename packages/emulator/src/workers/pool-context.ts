import { EventEmitter } from 'node:events';
import type { Clock } from '../domain/clock.js';
import type { Executor, RunningExecution } from '../executor/executor.js';
import type { Mailbox } from '../mailbox/mailbox.js';
import type { ExecutionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { MessageFormat } from './container-env.js';
import type { ProcessCommand } from './local-settings.js';

export interface WorkerPoolOptions {
  store: Store;
  mailbox: Mailbox;
  executor: Executor;
  /** The URL containers reach the API at; read when each execution starts (the port is known after listen). */
  apiServer: () => string;
  tenant: string;
  /** Workers a stateless actor may scale to when it sets no maxWorkers. Default 4. */
  defaultMaxWorkers?: number;
  /** An execution running longer is stopped. Default 30 minutes. */
  maxRunMs?: number;
  /** How JSON messages and state reach the container. Default `python` (as the real service). */
  messageFormat?: MessageFormat;
  jwtHeaderName?: string;
  /** Honour `ACTORKIT_DEV_MOUNTS` (the dev loop's fresh-code mounts). Default true. */
  allowDevMounts?: boolean;
  /** Process executor: the command for an image, when the actor does not name one. */
  processCommands?: Record<string, ProcessCommand>;
  /** An extra stateless worker idle this long is retired. Default 60 s. */
  idleWorkerMs?: number;
  /** How often a down engine is asked again. Default 1 s. */
  engineRetryMs?: number;
  /** How often cron schedules are checked. Default 30 s; 0 disables the timer (tests call `tickCron`). */
  cronIntervalMs?: number;
  clock?: Clock;
  fetch?: typeof globalThis.fetch;
}

export type ResolvedPoolOptions = Required<Omit<WorkerPoolOptions, 'clock' | 'fetch'>> &
  Pick<WorkerPoolOptions, 'clock' | 'fetch'>;

/** What every worker of the pool shares. */
export interface PoolContext {
  options: ResolvedPoolOptions;
  store: Store;
  mailbox: Mailbox;
  executor: Executor;
  /** Executions running now, by id, with their actor: what force-quit and actor deletion stop. */
  running: Map<string, { actorId: string; execution: RunningExecution }>;
  /** Emits `finished` with the execution record when one ends. */
  finished: EventEmitter<{ finished: [ExecutionRecord] }>;
  /** Resolves when the executor answers; the first caller that finds it down records why. */
  engineReady(): Promise<void>;
  /** Called when an execution could not start because the engine is down. */
  engineDown(message: string): void;
}

export function resolveOptions(o: WorkerPoolOptions): ResolvedPoolOptions {
  return {
    ...o,
    defaultMaxWorkers: o.defaultMaxWorkers ?? 4,
    maxRunMs: o.maxRunMs ?? 30 * 60_000,
    messageFormat: o.messageFormat ?? 'python',
    jwtHeaderName: o.jwtHeaderName ?? `X-Jwt-Assertion-${o.tenant.replace(/[^A-Za-z0-9]/g, '-')}`,
    allowDevMounts: o.allowDevMounts ?? true,
    processCommands: o.processCommands ?? {},
    idleWorkerMs: o.idleWorkerMs ?? 60_000,
    engineRetryMs: o.engineRetryMs ?? 1000,
    cronIntervalMs: o.cronIntervalMs ?? 30_000,
  };
}

import type { Clock } from '../domain/clock.js';
import type { Executor } from '../executor/executor.js';
import type { Mailbox } from '../mailbox/mailbox.js';
import type { Store } from '../store/store.js';
import { noopExecutionControl, type ExecutionControl } from './execution-control.js';
import { noopWorkerPool, type WorkerPool } from './worker-pool.js';

/** What a worker pool is built from: the emulator's store and mailbox, made inside startEmulator. */
export interface WorkerPoolDeps {
  store: Store;
  mailbox: Mailbox;
  clock: Clock;
  tenant: string;
  executor: Executor | null;
  /** The emulator's URL (known once it listens), e.g. `http://127.0.0.1:8000`. */
  apiServer: () => string;
  /** The emulator's data directory; null in memory. The API gateway keeps its local CA there (`tls/`). */
  dataDir?: string | null;
}

export type WorkerPoolFactory = (deps: WorkerPoolDeps) => WorkerPool;

export interface ResolvedPool {
  pool: WorkerPool;
  control: ExecutionControl;
  /** True when the emulator built the pool (from a factory) and so disposes it. */
  owned: boolean;
}

function isControl(value: unknown): value is ExecutionControl {
  return typeof (value as Partial<ExecutionControl>).forceQuit === 'function';
}

/** The pool (given, built by a factory, or the no-op one) and its force-quit control. */
export function resolvePool(
  given: WorkerPool | WorkerPoolFactory | undefined,
  control: ExecutionControl | undefined,
  deps: WorkerPoolDeps,
): ResolvedPool {
  const owned = typeof given === 'function';
  const pool = typeof given === 'function' ? given(deps) : (given ?? noopWorkerPool);
  return { pool, control: control ?? (isControl(pool) ? pool : noopExecutionControl), owned };
}

/** Stops a pool: `close()`, or its async dispose when the emulator owns it. */
export async function closePool({ pool, owned }: ResolvedPool): Promise<void> {
  if (pool.close) await pool.close();
  else if (owned && Symbol.asyncDispose in pool)
    await (pool as WorkerPool & AsyncDisposable)[Symbol.asyncDispose]();
}

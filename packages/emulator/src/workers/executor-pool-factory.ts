import type { Executor } from '../executor/executor.js';
import type { WorkerPoolFactory } from '../seams/pool-factory.js';
import type { WorkerPoolOptions } from './pool-context.js';
import { ExecutorWorkerPool } from './worker-pool.js';

export type ExecutorPoolSettings = Omit<
  WorkerPoolOptions,
  'store' | 'mailbox' | 'apiServer' | 'tenant' | 'executor'
> & {
  /** The executor; default the one given to startEmulator. */
  executor?: Executor;
};

/**
 * The worker pool for `startEmulator({ workerPool })`: built inside the emulator from its store and mailbox, it runs
 * every message through the executor.
 *
 * @example
 * const { executor } = await createExecutor('auto');
 * await using emu = await startEmulator({ executor, workerPool: executorWorkerPool({ maxRunMs: 60_000 }) });
 */
export function executorWorkerPool(settings: ExecutorPoolSettings = {}): WorkerPoolFactory {
  return (deps) => {
    const executor = settings.executor ?? deps.executor;
    if (!executor) {
      throw new Error(
        'executorWorkerPool needs an executor: pass `executor` to startEmulator or to executorWorkerPool',
      );
    }
    return new ExecutorWorkerPool({
      ...settings,
      executor,
      store: deps.store,
      mailbox: deps.mailbox,
      apiServer: deps.apiServer,
      tenant: deps.tenant,
      clock: settings.clock ?? deps.clock,
    });
  };
}

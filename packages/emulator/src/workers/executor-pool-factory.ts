import type { Executor } from '../executor/executor.js';
import { ApiGateway, type GatewaySettings } from '../gateway/api-gateway.js';
import { GatewayWorkerPool } from '../gateway/gateway-pool.js';
import type { WorkerPoolFactory } from '../seams/pool-factory.js';
import type { WorkerPoolOptions } from './pool-context.js';
import { ExecutorWorkerPool } from './worker-pool.js';

export type ExecutorPoolSettings = Omit<
  WorkerPoolOptions,
  'store' | 'mailbox' | 'apiServer' | 'tenant' | 'executor'
> & {
  /** The executor; default the one given to startEmulator. */
  executor?: Executor;
  /**
   * The API gateway (`https://localhost` on port 443, as containers reach the real service), with the Docker
   * executor: on by default; `false` turns it off (containers then get the emulator's own http URL). See
   * "What a container sees" in docs/emulator.md.
   */
  gateway?: boolean | GatewaySettings;
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
    const { gateway, ...poolSettings } = settings;
    const executor = settings.executor ?? deps.executor;
    if (!executor) {
      throw new Error(
        'executorWorkerPool needs an executor: pass `executor` to startEmulator or to executorWorkerPool',
      );
    }
    const options: WorkerPoolOptions = {
      ...poolSettings,
      executor,
      store: deps.store,
      mailbox: deps.mailbox,
      apiServer: deps.apiServer,
      tenant: deps.tenant,
      clock: settings.clock ?? deps.clock,
    };
    const gatewaySettings = typeof gateway === 'object' ? gateway : {};
    if (gateway === false || executor.kind !== 'docker') {
      gatewaySettings.onStatus?.({
        state: 'off',
        message:
          gateway === false
            ? `the API gateway is off, as asked: containers reach the API at the emulator's own URL`
            : `no API gateway with the ${executor.kind} executor: executions reach the API at the emulator's own URL`,
      });
      return new ExecutorWorkerPool(options);
    }
    const api = new ApiGateway({ upstream: deps.apiServer, dataDir: deps.dataDir ?? null }, gatewaySettings);
    return new GatewayWorkerPool(options, api);
  };
}

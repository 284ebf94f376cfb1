import type { RecoveryReport } from '../workers/recovery.js';
import type { WorkerPoolOptions } from '../workers/pool-context.js';
import { ExecutorWorkerPool } from '../workers/worker-pool.js';
import type { ApiGateway } from './api-gateway.js';
import { GatewayExecutor } from './gateway-executor.js';

/**
 * The worker pool with the API gateway: the gateway starts with the pool (in the background: executions that start
 * before it listens wait for it) and is removed when the pool is disposed.
 */
export class GatewayWorkerPool extends ExecutorWorkerPool {
  constructor(
    options: WorkerPoolOptions,
    private readonly gateway: ApiGateway,
  ) {
    super({ ...options, executor: new GatewayExecutor(options.executor, gateway) });
  }

  override async start(): Promise<RecoveryReport> {
    void this.gateway.start();
    return await super.start();
  }

  override async dispose(graceMs?: number): Promise<void> {
    try {
      await super.dispose(graceMs);
    } finally {
      await this.gateway.stop();
    }
  }
}

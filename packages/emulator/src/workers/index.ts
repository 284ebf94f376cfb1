export { ExecutorWorkerPool } from './worker-pool.js';
export type { WorkerPoolOptions } from './pool-context.js';
export type { RecoveryReport } from './recovery.js';
export { INTERRUPTED_MESSAGE } from './recovery.js';
export { executionEnvironment, messageVariable } from './container-env.js';
export type { MessageFormat } from './container-env.js';
export { LOCAL_SETTINGS, devCommand, devMounts, processCommand } from './local-settings.js';
export type { ProcessCommand } from './local-settings.js';
export { executorWorkerPool, type ExecutorPoolSettings } from './executor-pool-factory.js';

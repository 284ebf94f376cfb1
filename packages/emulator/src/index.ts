export * from './executor/executor.js';
export { startEmulator, EmulatorStartError, type RunningEmulator } from './start-emulator.js';
export type { StartEmulatorOptions, EmulatorUser } from './options.js';
export { createApp, BASE_PATHS } from './create-app.js';
export type { EmulatorContext } from './context.js';
export { Store, type StoreOptions } from './store/store.js';
export type { ExecutionFinish } from './store/execution-finish.js';
export { finishFromOutcome } from './store/execution-finish.js';
export type {
  ActorRecord,
  AliasRecord,
  ExecutionRecord,
  NonceRecord,
  QueuedMessage,
  WorkerRecord,
} from './store/records.js';
export { LOG_CAP_BYTES } from './store/logs-store.js';
export { Mailbox, PURGED_MESSAGE, type MessageQueuedEvent, type OutgoingMessage } from './mailbox/mailbox.js';
export { noopWorkerPool, type WorkerPool, type SynchronousAnswer } from './seams/worker-pool.js';
export { noopExecutionControl, type ExecutionControl } from './seams/execution-control.js';
export type { WorkerPoolDeps, WorkerPoolFactory } from './seams/pool-factory.js';
export { dueCronActors, advanceCron } from './domain/cron-due.js';
export {
  parseCronSchedule,
  nextCronTime,
  formatCronTime,
  CronScheduleError,
  type CronSchedule,
} from './domain/cron.js';
export { systemClock, type Clock } from './domain/clock.js';
export { newId, newNonceId } from './domain/ids.js';
export { HttpError } from './http/http-error.js';
export { EMULATOR_VERSION } from './http/envelope.js';
export { TOKEN_FILE } from './auth/local-token.js';
export { DEFAULT_TENANT } from './auth/users.js';
export { DockerExecutor } from './executor/docker-executor.js';
export type { DockerExecutorOptions, LeftoverOptions } from './executor/docker-executor.js';
export { ProcessExecutor, DEFAULT_INHERITED_ENV } from './executor/process-executor.js';
export type { ProcessExecutorOptions } from './executor/process-executor.js';
export { createExecutor } from './executor/create-executor.js';
export type { ExecutorChoice, CreateExecutorOptions, CreatedExecutor } from './executor/create-executor.js';
export { DEFAULT_RUNTIME_DIR } from './executor/run-dirs.js';
export { memoryLimitBytes, MemoryLimitError } from './executor/memory-limit.js';
export * from './workers/index.js';
export * from './gateway/index.js';
export {
  DevEventChannel,
  attachDevEvents,
  type DevEventSource,
  type DevEventChannelOptions,
} from './http/dev-events.js';

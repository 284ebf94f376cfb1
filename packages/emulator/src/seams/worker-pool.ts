import type { ActorRecord, ExecutionRecord, WorkerRecord } from '../store/records.js';

/** What a synchronous message answers: the execution's first result, or its logs when it left none. */
export interface SynchronousAnswer {
  body: Uint8Array;
  contentType: string;
}

/**
 * The seam between the API and whatever runs messages. The emulator calls it after each change has been committed
 * to the store; the pool (next issue) starts and stops workers, sets actor status READY/ERROR and worker records,
 * and runs executions through an `Executor`. Calls must not throw for expected failures: record them on the actor
 * or worker instead.
 */
export interface WorkerPool {
  /** False for the no-op pool: nothing runs, actors stay SUBMITTED and messages stay queued. */
  readonly runsExecutions: boolean;
  actorCreated(actor: ActorRecord): Promise<void>;
  /** `replaceWorkers` when the image changed (or `force`): workers restart on the new revision. */
  actorUpdated(actor: ActorRecord, change: { replaceWorkers: boolean }): Promise<void>;
  /** The actor is gone from the store: stop its workers, force-quitting running executions. */
  actorDeleted(actorId: string): Promise<void>;
  /** Worker records were added (status REQUESTED) by addWorker: bring them up. */
  workersAdded(actor: ActorRecord, workers: WorkerRecord[]): Promise<void>;
  /** The worker record was deleted: stop the worker after its current execution. */
  workerDeleted(actorId: string, workerId: string): Promise<void>;
  /** A message is queued for the actor (also emitted by the Mailbox). */
  messageQueued(actorId: string, executionId: string): void;
  /**
   * Synchronous messages (`?_abaco_synchronous=true`): wait for the execution to end and answer its first result or
   * its logs. Absent when the pool runs nothing; the API then answers 400.
   */
  awaitExecution?(execution: ExecutionRecord, signal: AbortSignal): Promise<SynchronousAnswer>;
  /** Called once the server listens (the API URL is known): recover, then bring up workers. */
  start?(): Promise<unknown>;
  /** Stops every worker; called by the emulator's dispose before the store closes. */
  close?(): Promise<void>;
}

/** The default pool: runs nothing. Actors stay SUBMITTED, messages stay queued, executions stay SUBMITTED. */
export const noopWorkerPool: WorkerPool = {
  runsExecutions: false,
  actorCreated: async () => {},
  actorUpdated: async () => {},
  actorDeleted: async () => {},
  workersAdded: async () => {},
  workerDeleted: async () => {},
  messageQueued: () => {},
};

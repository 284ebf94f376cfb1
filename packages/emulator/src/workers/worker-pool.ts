import { EventEmitter } from 'node:events';
import { CRON_MESSAGE } from '@actorkit/api';
import createDebug from 'debug';
import { advanceCron, dueCronActors } from '../domain/cron-due.js';
import type { ExecutionControl } from '../seams/execution-control.js';
import type { SynchronousAnswer, WorkerPool } from '../seams/worker-pool.js';
import type { ActorRecord, ExecutionRecord, WorkerRecord } from '../store/records.js';
import { actorEvent, deliverEvent } from './actor-events.js';
import { isDiskFull } from '../store/disk-full.js';
import { ActorWorkers } from './actor-workers.js';
import { resolveOptions, type PoolContext, type WorkerPoolOptions } from './pool-context.js';
import { recover, type RecoveryReport } from './recovery.js';
import { EngineWatch } from './engine-watch.js';
import { synchronousAnswer } from './sync-answer.js';

const debug = createDebug('actorkit:workers');

/**
 * Runs actors' messages through an executor: one group of workers per actor, fed by the actor's mailbox. This is
 * the emulator's execution engine; the API talks to it through the WorkerPool and ExecutionControl seams.
 */
export class ExecutorWorkerPool implements WorkerPool, ExecutionControl, AsyncDisposable {
  readonly runsExecutions = true;
  private readonly ctx: PoolContext;
  private readonly groups = new Map<string, ActorWorkers>();
  private cronTimer: NodeJS.Timeout | undefined;
  private readonly engine: EngineWatch;
  private disposed = false;

  constructor(options: WorkerPoolOptions) {
    const resolved = resolveOptions(options);
    const finished = new EventEmitter<{ finished: [ExecutionRecord] }>();
    finished.setMaxListeners(0);
    this.ctx = {
      options: resolved,
      store: options.store,
      mailbox: options.mailbox,
      executor: options.executor,
      running: new Map(),
      finished,
      engineReady: () => this.engine.ready(),
      engineDown: (message) => this.engine.down(message),
    };
    this.engine = new EngineWatch({
      store: options.store,
      executor: options.executor,
      retryMs: resolved.engineRetryMs,
      stopped: () => this.disposed,
    });
    finished.on('finished', (execution) => this.executionFinished(execution));
  }

  /** Why executions are waiting, when the engine is down; null when it answers. */
  get engineStatus(): string | null {
    return this.engine.status;
  }

  /** Recovers what a previous run left, then brings up every actor's workers and the cron timer. */
  async start(): Promise<RecoveryReport> {
    const report = await recover(this.ctx);
    for (const actor of this.ctx.store.actors.all()) void this.group(actor.id).start();
    const every = this.ctx.options.cronIntervalMs;
    if (every > 0) this.cronTimer = setInterval(() => this.cronTimerTick(), every).unref();
    return report;
  }

  private group(actorId: string): ActorWorkers {
    let group = this.groups.get(actorId);
    if (!group) {
      group = new ActorWorkers(this.ctx, actorId, (actor, status, message) =>
        this.statusChanged(actor, status, message),
      );
      this.groups.set(actorId, group);
    }
    return group;
  }

  // ---- the WorkerPool seam -----------------------------------------------------------------------------------
  async actorCreated(actor: ActorRecord): Promise<void> {
    void this.group(actor.id).start();
  }

  async actorUpdated(actor: ActorRecord, change: { replaceWorkers: boolean }): Promise<void> {
    if (!change.replaceWorkers) {
      this.group(actor.id).messageQueued();
      return;
    }
    const old = this.groups.get(actor.id);
    this.groups.delete(actor.id);
    void (async () => {
      await old?.stop(false); // running executions finish on the old revision; queued messages wait
      if (!this.disposed && this.ctx.store.actors.get(actor.id)) await this.group(actor.id).start();
    })();
  }

  async actorDeleted(actorId: string): Promise<void> {
    const group = this.groups.get(actorId);
    this.groups.delete(actorId);
    await group?.stop(true);
  }

  async workersAdded(actor: ActorRecord, workers: WorkerRecord[]): Promise<void> {
    this.group(actor.id).adopt(workers);
  }

  async workerDeleted(actorId: string, workerId: string): Promise<void> {
    this.groups.get(actorId)?.retire(workerId);
  }

  messageQueued(actorId: string, executionId?: string): void {
    if (this.disposed) return;
    if (executionId) this.engine.queued(executionId);
    this.group(actorId).messageQueued();
  }

  awaitExecution(execution: ExecutionRecord, signal: AbortSignal): Promise<SynchronousAnswer> {
    return synchronousAnswer(this.ctx, execution, signal);
  }

  // ---- the ExecutionControl seam -----------------------------------------------------------------------------
  async forceQuit(executionId: string): Promise<boolean> {
    const running = this.ctx.running.get(executionId);
    if (!running) return false;
    await running.execution.stop();
    return true;
  }

  // ---- cron and events ---------------------------------------------------------------------------------------
  /**
   * Sends due cron messages and advances the schedules, each actor's message and schedule in one transaction.
   * Answers the actors that got one.
   */
  tickCron(now: Date = this.ctx.store.clock.now()): string[] {
    if (this.disposed || !this.ctx.store.isOpen) return [];
    const sent: string[] = [];
    for (const actor of dueCronActors(this.ctx.store, now)) {
      const body = Buffer.from(CRON_MESSAGE);
      const execution = this.ctx.store.transaction(() => {
        const queued = this.ctx.mailbox.send({
          actor,
          sender: actor.owner,
          contentType: 'str',
          body,
          env: {},
        });
        advanceCron(this.ctx.store, actor.id, now);
        return queued;
      });
      this.messageQueued(actor.id, execution.id);
      sent.push(actor.id);
    }
    return sent;
  }

  /** The timer's tick: when the disk is full, the due messages are sent at a later tick (nothing was advanced). */
  private cronTimerTick(): void {
    try {
      this.tickCron();
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      debug('cron: the disk is full; due messages wait for a later tick');
    }
  }

  private executionFinished(execution: ExecutionRecord): void {
    const actor = this.ctx.store.isOpen ? this.ctx.store.actors.get(execution.actorId) : null;
    if (!actor || (!actor.link && !actor.webhook)) return;
    const event = actorEvent(this.ctx, actor, 'EXECUTION_COMPLETE', execution);
    void deliverEvent(this.ctx, actor, event, (id, executionId) => this.messageQueued(id, executionId));
  }

  private statusChanged(actor: ActorRecord, status: 'READY' | 'ERROR', message: string): void {
    if (!actor.link && !actor.webhook) return;
    const type = status === 'READY' ? 'ACTOR_READY' : 'ACTOR_ERROR';
    const event = actorEvent(this.ctx, actor, type, undefined, message);
    void deliverEvent(this.ctx, actor, event, (id, executionId) => this.messageQueued(id, executionId));
  }

  /** Stops taking messages, lets running executions end within `graceMs`, then stops them. */
  async dispose(graceMs = 5000): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.cronTimer);
    const groups = [...this.groups.values()];
    this.groups.clear();
    const stopping = Promise.all(groups.map((g) => g.stop(false)));
    const timer = setTimeout(() => {
      for (const r of this.ctx.running.values()) void r.execution.stop();
    }, graceMs);
    await stopping;
    clearTimeout(timer);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

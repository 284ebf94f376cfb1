import { hostname } from 'node:os';
import createDebug from 'debug';
import { isoNow } from '../domain/clock.js';
import { newId } from '../domain/ids.js';
import { isDiskFull } from '../store/disk-full.js';
import type { ActorRecord, WorkerRecord } from '../store/records.js';
import { requestedWorker } from '../store/workers-store.js';
import type { PoolContext } from './pool-context.js';
import { Worker } from './worker.js';

const debug = createDebug('actorkit:workers');

export type ActorStatusListener = (actor: ActorRecord, status: 'READY' | 'ERROR', message: string) => void;

/**
 * The workers of one actor. A stateless actor starts with one and grows with its queue up to maxWorkers, retiring
 * extra workers that stay idle; a stateful actor gets one, and more only when an admin asks for them (addWorker),
 * as the service's autoscaler leaves stateful actors alone but honours explicit requests (fidelity §8.2).
 */
export class ActorWorkers {
  private readonly workers = new Map<string, Worker>();
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: PoolContext,
    readonly actorId: string,
    private readonly onStatus: ActorStatusListener,
  ) {}

  private actor(): ActorRecord | null {
    return this.ctx.store.isOpen ? this.ctx.store.actors.get(this.actorId) : null;
  }

  maxWorkers(actor: ActorRecord): number {
    return actor.stateless ? (actor.maxWorkers ?? this.ctx.options.defaultMaxWorkers) : 1;
  }

  /**
   * Checks the image and brings up the first worker: the actor turns READY, or ERROR saying why. Never rejects:
   * when the disk is full (its status or its worker could not be recorded) it tries again until there is space.
   */
  start(): Promise<void> {
    this.starting ??= this.bringUp()
      .catch((error: unknown) => this.startFailed(error))
      .finally(() => (this.starting = null));
    return this.starting;
  }

  private startFailed(error: unknown): void {
    debug('actor %s: bringing up its workers failed: %O', this.actorId, error);
    if (isDiskFull(error) && !this.stopped)
      setTimeout(() => void this.start(), this.ctx.options.engineRetryMs).unref();
  }

  private async bringUp(): Promise<void> {
    await this.ctx.engineReady();
    const health = await this.ctx.executor.health();
    if (!health.ok) {
      // Not the image's fault: the actor waits (SUBMITTED, saying why) and comes up once the engine answers.
      const waiting = this.actor();
      if (!waiting || this.stopped) return;
      this.ctx.store.actors.setStatus(
        waiting.id,
        waiting.status === 'READY' ? 'READY' : 'SUBMITTED',
        `waiting: ${health.message}`,
      );
      this.ctx.engineDown(health.message);
      await this.ctx.engineReady();
    }
    const actor = this.actor();
    if (!actor || this.stopped) return;
    const check = await this.ctx.executor.checkImage(actor.image);
    if (this.stopped || !this.ctx.store.isOpen) return;
    if (!check.present) {
      this.ctx.store.actors.setStatus(actor.id, 'ERROR', check.message);
      this.onStatus(actor, 'ERROR', check.message);
      return;
    }
    if (this.workers.size === 0) this.spawn();
    if (actor.status !== 'READY' || actor.statusMessage) {
      this.ctx.store.actors.setStatus(actor.id, 'READY', '');
      this.onStatus(actor, 'READY', '');
    }
  }

  /** Starts a worker, on a record the API created (addWorker) or a new one. */
  spawn(record?: WorkerRecord): Worker | null {
    const actor = this.actor();
    if (!actor || this.stopped) return null;
    const now = isoNow(this.ctx.store.clock);
    const id = record?.id ?? newId();
    if (!record) this.ctx.store.workers.insert(requestedWorker(actor, id, now));
    // What the spawner records before the worker is READY (the worker then adds its cid).
    this.ctx.store.workers.update(actor.id, id, {
      status: 'SPAWNER SETUP',
      hostId: hostname(),
      hostIp: '127.0.0.1',
      location:
        this.ctx.executor.kind === 'docker'
          ? (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock')
          : 'local process',
      lastHealthCheckTime: now,
    });
    const worker = new Worker(this.ctx, actor.id, id, (w) => this.idle(w));
    this.workers.set(id, worker);
    void worker.done.then(() => this.workers.delete(id));
    debug('actor %s: worker %s up (%d)', actor.id, id, this.workers.size);
    return worker;
  }

  /** A message was queued: grow when every worker is busy and there is room. */
  messageQueued(): void {
    const actor = this.actor();
    if (!actor || this.stopped) return;
    if (actor.status === 'ERROR' || this.workers.size === 0) {
      void this.start();
      return;
    }
    const live = [...this.workers.values()].filter((w) => !w.stopping);
    const idle = live.filter((w) => !w.busy).length;
    const waiting = this.ctx.mailbox.count(actor.id);
    for (let n = live.length; n < this.maxWorkers(actor) && waiting > idle + (n - live.length); n++)
      this.spawn();
  }

  /** addWorker: bring up the records the API created, stateful actors included. */
  adopt(records: WorkerRecord[]): void {
    for (const record of records) this.spawn(record);
  }

  /** deleteWorker: that worker stops after its current execution. */
  retire(workerId: string): void {
    this.workers.get(workerId)?.stop();
  }

  private idle(worker: Worker): void {
    const actor = this.actor();
    if (!actor?.stateless) return;
    setTimeout(() => {
      const live = [...this.workers.values()].filter((w) => !w.stopping);
      if (live.length > 1 && !worker.busy && worker.idleForMs >= this.ctx.options.idleWorkerMs) worker.stop();
    }, this.ctx.options.idleWorkerMs + 10).unref();
  }

  /** Stops every worker; with `forceQuit`, running executions are stopped too. Resolves when all are down. */
  async stop(forceQuit: boolean): Promise<void> {
    this.stopped = true;
    for (const worker of this.workers.values()) worker.stop();
    if (forceQuit) {
      const mine = [...this.ctx.running.values()].filter((r) => r.actorId === this.actorId);
      await Promise.all(mine.map((r) => r.execution.stop()));
    }
    await Promise.all([...this.workers.values()].map((w) => w.done));
  }
}

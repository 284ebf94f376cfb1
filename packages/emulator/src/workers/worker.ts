import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import { isoNow } from '../domain/clock.js';
import { isDiskFull } from '../store/disk-full.js';
import type { WorkerRecord } from '../store/records.js';
import type { PoolContext } from './pool-context.js';
import { runExecution } from './run-execution.js';
import { failExecution } from './fail-execution.js';

const debug = createDebug('actorkit:workers');

/**
 * One worker: takes its actor's messages one at a time, oldest first, and runs each in a fresh container. Stopping
 * a worker lets its current execution finish; force-quit is the pool's business.
 */
export class Worker {
  private readonly abort = new AbortController();
  private idleSince: number | null = null;
  /** The worker's own container id, as the service shows it (64 hex digits); stable for the worker's life. */
  private readonly cid = randomBytes(32).toString('hex');
  busy = false;
  readonly done: Promise<void>;

  constructor(
    private readonly ctx: PoolContext,
    readonly actorId: string,
    readonly id: string,
    private readonly onIdle: (worker: Worker) => void,
  ) {
    this.done = this.loop();
  }

  get idleForMs(): number {
    return this.idleSince === null ? 0 : Date.now() - this.idleSince;
  }

  get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /** Stops taking messages; the current execution (if any) runs to its end. */
  stop(): void {
    this.abort.abort(new Error('worker stopped'));
  }

  /** Bookkeeping: when the disk is full the record keeps its last status, and the worker goes on. */
  private setStatus(status: WorkerRecord['status'], patch: Partial<WorkerRecord> = {}): void {
    if (!this.ctx.store.isOpen) return;
    try {
      this.ctx.store.workers.update(this.actorId, this.id, {
        status,
        cid: this.cid,
        lastHealthCheckTime: isoNow(this.ctx.store.clock),
        ...patch,
      });
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      debug('worker %s of %s: status %s not recorded, the disk is full', this.id, this.actorId, status);
    }
  }

  private async loop(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        await this.ctx.engineReady();
        if (signal.aborted) break;
        this.setStatus('READY');
        this.idleSince = Date.now();
        this.onIdle(this);
        const message = await this.ctx.mailbox.next(this.actorId, this.id, signal);
        this.idleSince = null;
        this.busy = true;
        this.setStatus('BUSY');
        const end = await runExecution(this.ctx, message, this.id, signal).catch((error: unknown) => {
          failExecution(this.ctx, message.executionId, error);
          return { kind: 'gone' as const };
        });
        this.busy = false;
        if (end.kind === 'finished') {
          this.setStatus('READY', {
            lastExecution: end.execution.id,
            lastExecutionTime: end.execution.finishTime,
          });
        }
      } catch (error) {
        this.busy = false;
        if (signal.aborted || !this.ctx.store.isOpen) break;
        debug('worker %s of %s: %O', this.id, this.actorId, error);
        await new Promise((r) => setTimeout(r, this.ctx.options.engineRetryMs));
      }
    }
    if (!this.ctx.store.isOpen) return;
    try {
      this.ctx.store.workers.delete(this.actorId, this.id);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      debug(
        'worker %s of %s: its record stays, the disk is full (the next start removes it)',
        this.id,
        this.actorId,
      );
    }
  }
}

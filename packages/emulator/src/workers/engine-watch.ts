import createDebug from 'debug';
import type { Executor } from '../executor/executor.js';
import type { Store } from '../store/store.js';
import { clearWaitingNotes, noteWaiting } from './waiting-notes.js';

const debug = createDebug('actorkit:workers');

export interface EngineWatchDeps {
  store: Store;
  executor: Executor;
  /** How often a down engine is asked again. */
  retryMs: number;
  /** True once the pool is disposed: stop waiting. */
  stopped(): boolean;
}

/**
 * The pool's view of the engine. Once an execution could not start because the engine is down, workers wait here
 * (they claim nothing), and every waiting execution, sent before or after, says why. When the engine answers again,
 * what the outage left is removed first: containers it killed, or created as it went down (their removal failed then).
 */
export class EngineWatch {
  private problem: string | null = null;
  private waiting: Promise<void> | null = null;

  constructor(private readonly deps: EngineWatchDeps) {}

  /** Why executions are waiting, when the engine is down; null when it answers. */
  get status(): string | null {
    return this.problem;
  }

  /** An execution could not start: the engine is down, for this reason. */
  down(reason: string): void {
    this.problem = reason;
    noteWaiting(this.deps.store, reason);
  }

  /** A message was queued: while the engine is down, its execution says why it waits. */
  queued(executionId: string): void {
    if (this.problem !== null) noteWaiting(this.deps.store, this.problem, [executionId]);
  }

  /** Resolves at once while the engine answers; after a failure, once it answers again and the outage is cleaned up. */
  ready(): Promise<void> {
    if (this.problem === null) return Promise.resolve();
    this.waiting ??= this.waitForEngine();
    return this.waiting;
  }

  private async waitForEngine(): Promise<void> {
    const { store, executor, retryMs } = this.deps;
    debug('engine down, waiting: %s', this.problem);
    while (!this.deps.stopped()) {
      await new Promise((r) => setTimeout(r, retryMs));
      if ((await executor.health()).ok) break;
    }
    if (!this.deps.stopped()) {
      const removed = await executor.removeLeftovers().catch((error: unknown) => {
        debug('removing what the outage left failed: %O', error);
        return 0;
      });
      debug('engine answers again; %d leftovers removed', removed);
      clearWaitingNotes(store);
    }
    this.problem = null;
    this.waiting = null;
  }
}

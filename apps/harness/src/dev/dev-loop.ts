import type { ActorsClient } from '@actorkit/api';
import type { ImageClient } from '@actorkit/docker';
import { ActorProjectError, loadActorProject, type ActorProject } from '@actorkit/project';
import type { DevEventSink } from './events.js';
import type { InspectOptions } from './inspector.js';
import { devSteps, type DevStep, type RoundState } from './steps/index.js';
import { ActorWatcher } from './watcher.js';

export interface DevLoopOptions {
  project: ActorProject;
  client: ActorsClient;
  executor: 'docker' | 'process';
  emit: DevEventSink;
  /** The steps of each round, in order; default `devSteps` for the project (and the options below). */
  steps?: DevStep[];
  images?: ImageClient;
  typecheck?: boolean;
  inspect?: InspectOptions | null;
  debounceMs?: number;
}

/**
 * `actorkit dev`: on each save, one round of steps (for a TypeScript actor: compile -> image build only when
 * needed -> register/update -> fixtures -> type check; for an actor with only its own Dockerfile, the same without
 * the compile and the type check), then again on the next save. The loop owns the scheduling: a newer save aborts
 * the round in flight, and events a stale round emits late are dropped by its number. The steps own the work and
 * its events (`steps/`).
 */
export class DevLoop implements AsyncDisposable {
  private round = 0;
  /** Counts calls of runRound: a call overtaken by a newer one while it waited for the old round gives way. */
  private requests = 0;
  /** The files of calls that gave way, for the call that runs (null: a full round, as the first). */
  private queued: Set<string> | null | undefined;
  private current: { abort: AbortController; done: Promise<boolean> } | null = null;
  private watcher: ActorWatcher | undefined;
  /** The last round ran every fixture to COMPLETE. */
  private settled = false;
  readonly steps: readonly DevStep[];

  constructor(private readonly options: DevLoopOptions) {
    this.steps =
      options.steps ??
      devSteps({
        project: options.project,
        client: options.client,
        images: options.images,
        typecheck: options.typecheck,
        inspect: options.inspect,
      });
  }

  /** Runs one round now (cancelling one in flight) and answers whether every fixture completed with exit 0. */
  async runRound(reason: string, changed: string[] | null = null): Promise<boolean> {
    const request = ++this.requests;
    this.queued =
      changed === null || this.queued === null ? null : new Set([...(this.queued ?? []), ...changed]);
    const previous = this.current;
    if (previous) {
      previous.abort.abort(new Error('a newer save arrived'));
      await previous.done;
    }
    // Another save came while the old round wound down: its call runs the next round, with these files too.
    if (request !== this.requests) return false;
    const files = this.queued;
    this.queued = undefined;
    const merged = files === null ? null : [...(files ?? [])].sort();
    if (changed !== null && merged !== null && merged.length !== changed.length)
      reason = `${merged.join(', ')} changed`;
    changed = merged;
    const abort = new AbortController();
    const round = ++this.round;
    const done = this.roundBody(round, reason, changed, abort.signal);
    this.current = { abort, done };
    const ok = await done;
    if (this.current?.done === done) this.current = null;
    return ok;
  }

  /** This round's events, until a newer round starts: then they are late, and dropped. */
  private sink(round: number): DevEventSink {
    return (event) => {
      if (round === this.round) this.options.emit(event);
    };
  }

  private async roundBody(
    n: number,
    reason: string,
    changed: string[] | null,
    signal: AbortSignal,
  ): Promise<boolean> {
    const emit = this.sink(n);
    const started = performance.now();
    const finish = (ok: boolean, failed: number) => {
      emit({ type: 'round.finished', round: n, ok, ms: Math.round(performance.now() - started), failed });
      return ok;
    };
    emit({ type: 'round.started', round: n, reason });
    const settledBefore = this.settled;
    this.settled = false; // set again only when this round runs every fixture to COMPLETE
    let state: RoundState | null = null;
    let reachedEnd = false;
    try {
      // Read anew each round: actor.json, fixtures and the Dockerfile may have changed since the last one.
      const project = await loadActorProject(this.options.project.dir);
      state = {
        round: n,
        reason,
        changed,
        signal,
        emit,
        client: this.options.client,
        executor: this.options.executor,
        settled: settledBefore,
        project,
        rebuilt: false,
        environment: {},
        mounts: [],
        actor: null,
        failed: 0,
        problems: 0,
        waitsForDebugger: false,
      };
      for (const step of this.steps) {
        signal.throwIfAborted();
        if ((await step.run(state)) === 'stop') return finish(false, state.failed);
      }
      signal.throwIfAborted();
      reachedEnd = true;
      this.settled = state.failed === 0;
      return finish(state.failed === 0 && state.problems === 0, state.failed);
    } catch (error) {
      if (signal.aborted) {
        const why = signal.reason instanceof Error ? signal.reason.message : 'a newer save arrived';
        emit({ type: 'round.cancelled', round: n, reason: why });
        return false;
      }
      const user = error instanceof ActorProjectError;
      emit({ type: 'error', round: n, kind: user ? 'user' : 'system', message: (error as Error).message });
      return finish(false, state?.failed ?? 0);
    } finally {
      if (state) for (const step of this.steps) step.roundEnded?.(state, reachedEnd && this.settled);
    }
  }

  /** Watches the folder and runs a round after each debounced batch of saves. */
  async watch(): Promise<void> {
    const { project, emit } = this.options;
    this.watcher = await ActorWatcher.start({
      dir: project.dir,
      debounceMs: this.options.debounceMs,
      onBatch: ({ files }) => void this.runRound(`${files.join(', ')} changed`, files),
      onError: (error) =>
        emit({ type: 'error', kind: 'system', message: `watching failed: ${error.message}` }),
    });
    emit({ type: 'watching', dir: project.dir });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.current?.abort.abort(new Error('stopping'));
    await this.current?.done;
    await this.watcher?.[Symbol.asyncDispose]();
    for (const step of this.steps) await step.dispose?.();
  }
}

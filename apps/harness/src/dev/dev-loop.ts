import { join } from 'node:path';
import type { Actor, ActorRequest, ActorsClient } from '@actorkit/api';
import {
  ActorCompiler,
  ActorImageBuilder,
  ActorProjectError,
  loadActorProject,
  BUNDLE_ENTRY,
  CONTAINER_DIST,
  loadFixtures,
  TypeChecker,
  writeBundleEntry,
  type ActorProject,
} from '@actorkit/build';
import { DockerImageClient, type ImageClient } from '@actorkit/emulator';
import { actorRequest, ActorSync } from './actor-sync.js';
import type { DevEventSink } from './events.js';
import { runFixture } from './run-fixtures.js';
import { ActorWatcher } from './watcher.js';

/** Files whose change can alter the image or the registration; any other change is source only. */
const BUILD_INPUTS = new Set([
  'Dockerfile',
  'package.json',
  'package-lock.json',
  'actor.json',
  '.dockerignore',
]);

/** What a good round leaves for the next: a source-only save skips the image plan and the actor sync. */
interface Settled {
  request: string;
  actor: Actor;
}

export interface DevLoopOptions {
  project: ActorProject;
  client: ActorsClient;
  executor: 'docker' | 'process';
  emit: DevEventSink;
  images?: ImageClient;
  typecheck?: boolean;
  debounceMs?: number;
}

/**
 * `actorkit dev`: save -> compile -> (image build only when needed) -> register/update -> fixtures -> output, and
 * again on the next save. A newer save cancels the round in flight; its late events are dropped.
 */
export class DevLoop implements AsyncDisposable {
  private round = 0;
  private current: { abort: AbortController; done: Promise<boolean> } | null = null;
  private watcher: ActorWatcher | undefined;
  private settled: Settled | null = null;
  private readonly compiler: ActorCompiler;
  private readonly images: ImageClient;
  private readonly sync: ActorSync;
  private readonly checker: TypeChecker;

  constructor(private readonly options: DevLoopOptions) {
    const { project } = options;
    this.compiler = new ActorCompiler({
      dir: project.dir,
      entry: BUNDLE_ENTRY,
      outDir: join(project.dir, 'dist'),
    });
    this.images = options.images ?? new DockerImageClient();
    this.sync = new ActorSync(project, options.client);
    this.checker = new TypeChecker(project.dir);
  }

  private localEnvironment(project: ActorProject, builder: ActorImageBuilder): Record<string, string> {
    if (this.options.executor === 'process') {
      return {
        ACTORKIT_PROCESS_COMMAND: JSON.stringify([process.execPath, this.compiler.outFile]),
        ACTORKIT_PROCESS_CWD: project.dir,
      };
    }
    return builder.mountsSource
      ? { ACTORKIT_DEV_MOUNTS: `${join(project.dir, 'dist')}:${CONTAINER_DIST}:ro` }
      : {};
  }

  /** Runs one round now (cancelling one in flight) and answers whether every fixture completed with exit 0. */
  async runRound(reason: string, changed: string[] | null = null): Promise<boolean> {
    const previous = this.current;
    if (previous) {
      previous.abort.abort(new Error('a newer save arrived'));
      await previous.done;
    }
    const abort = new AbortController();
    const round = ++this.round;
    const done = this.roundBody(round, reason, changed, abort.signal).catch((error: unknown) => {
      if (abort.signal.aborted) {
        this.options.emit({ type: 'round.cancelled', round, reason: 'a newer save arrived' });
      } else {
        this.options.emit({ type: 'error', round, kind: 'system', message: (error as Error).message });
        this.options.emit({ type: 'round.finished', round, ok: false, ms: 0, failed: 0 });
      }
      return false;
    });
    this.current = { abort, done };
    const ok = await done;
    if (this.current?.done === done) this.current = null;
    return ok;
  }

  private async roundBody(
    round: number,
    reason: string,
    changed: string[] | null,
    signal: AbortSignal,
  ): Promise<boolean> {
    const { emit, client } = this.options;
    const started = performance.now();
    const finish = (ok: boolean, failed: number) => {
      emit({ type: 'round.finished', round, ok, ms: Math.round(performance.now() - started), failed });
      return ok;
    };
    emit({ type: 'round.started', round, reason });
    // Read anew each round: actor.json, fixtures and the Dockerfile may have changed since the last one.
    let project: ActorProject;
    try {
      project = await loadActorProject(this.options.project.dir);
    } catch (error) {
      if (!(error instanceof ActorProjectError)) throw error;
      emit({ type: 'error', round, kind: 'user', message: error.message });
      return finish(false, 0);
    }
    const builder = new ActorImageBuilder(project, this.images);
    await writeBundleEntry(project);
    const compiled = await this.compiler.compile();
    emit({
      type: 'compile.finished',
      round,
      ms: compiled.ms,
      ok: compiled.ok,
      diagnostics: compiled.diagnostics,
    });
    if (!compiled.ok) {
      emit({
        type: 'error',
        round,
        kind: 'user',
        message: 'the actor does not compile',
        diagnostics: compiled.diagnostics,
      });
      return finish(false, 0);
    }
    signal.throwIfAborted();

    const sourceOnly =
      changed !== null && this.settled !== null && changed.every((f) => !BUILD_INPUTS.has(f));
    let rebuilt = false;
    if (this.options.executor === 'docker' && sourceOnly && builder.mountsSource) {
      emit({
        type: 'build.skipped',
        round,
        image: project.image,
        reason: 'image current: a source-only change reaches the next container through the dev mount',
      });
    } else if (this.options.executor === 'docker') {
      const plan = await builder.plan(changed);
      if (plan.rebuildReason) {
        emit({
          type: 'build.started',
          round,
          image: project.image,
          reason: `${plan.rebuildReason}; ${plan.baseNote}`,
        });
        const t = performance.now();
        try {
          await builder.build(plan, (line) => emit({ type: 'build.progress', round, line }), signal);
        } catch (error) {
          signal.throwIfAborted();
          const message = (error as Error).message;
          emit({
            type: 'build.finished',
            round,
            image: project.image,
            ms: Math.round(performance.now() - t),
            ok: false,
            message,
          });
          emit({ type: 'error', round, kind: 'user', message });
          return finish(false, 0);
        }
        emit({
          type: 'build.finished',
          round,
          image: project.image,
          ms: Math.round(performance.now() - t),
          ok: true,
        });
        rebuilt = true;
      } else {
        const why = builder.mountsSource
          ? 'new code reaches the next container through the dev mount'
          : 'nothing changed';
        emit({ type: 'build.skipped', round, image: project.image, reason: `image current: ${why}` });
      }
    }
    signal.throwIfAborted();

    const request = actorRequest(project, this.localEnvironment(project, builder));
    const requestKey = JSON.stringify(request);
    const settled = this.settled;
    this.settled = null; // set again only when this round ends well
    const actor =
      !rebuilt && settled?.request === requestKey
        ? settled.actor
        : await this.register(round, request, rebuilt, signal);
    if (!actor) return finish(false, 0);

    let failed = 0;
    for (const fixture of await loadFixtures(project)) {
      signal.throwIfAborted();
      const ok = await runFixture(fixture, {
        client,
        actorId: actor.id,
        round,
        stateful: !project.config.stateless,
        emit,
        signal,
      });
      if (!ok) failed++;
    }
    // Type-checked after the executions, so the checker never competes with them for the CPU.
    const onAbort = () => this.checker.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    const typeErrors = await this.startTypecheck(round);
    signal.removeEventListener('abort', onAbort);
    signal.throwIfAborted();
    if (failed === 0) this.settled = { request: requestKey, actor };
    return finish(failed === 0 && typeErrors === 0, failed);
  }

  /** Registers or updates the actor as actor.json says, and waits until it is READY; null when it is not. */
  private async register(
    round: number,
    request: ActorRequest,
    rebuilt: boolean,
    signal: AbortSignal,
  ): Promise<Actor | null> {
    const { emit } = this.options;
    const registration = await this.sync.sync(request, rebuilt);
    const { actor } = registration;
    if (registration.changed) {
      emit({
        type: registration.created ? 'actor.registered' : 'actor.updated',
        round,
        actorId: actor.id,
        image: actor.image,
        revision: actor.revision,
        ms: registration.ms,
      });
    }
    const t = performance.now();
    const ready = await this.sync.waitReady(actor.id, signal);
    emit({
      type: 'actor.ready',
      round,
      actorId: actor.id,
      status: ready.status,
      ms: Math.round(performance.now() - t),
      message: ready.statusMessage || undefined,
    });
    if (ready.status === 'READY') return ready;
    emit({
      type: 'error',
      round,
      kind: 'user',
      message: `actor ${actor.id} is ${ready.status}: ${ready.statusMessage}`,
    });
    return null;
  }

  /** Type-checks the actor; resolves with the number of type errors (0 when not checked). */
  private async startTypecheck(round: number): Promise<number> {
    if (this.options.typecheck === false || !(await this.checker.available())) return 0;
    const t = performance.now();
    const diagnostics = await this.checker.check();
    if (diagnostics === null || round !== this.round) return 0;
    this.options.emit({
      type: 'typecheck.finished',
      round,
      ms: Math.round(performance.now() - t),
      diagnostics,
    });
    if (diagnostics.length) {
      this.options.emit({
        type: 'error',
        round,
        kind: 'user',
        message: `${diagnostics.length} type error(s)`,
        diagnostics,
      });
    }
    return diagnostics.length;
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
    this.checker.cancel();
    await this.watcher?.[Symbol.asyncDispose]();
    await this.compiler[Symbol.asyncDispose]();
  }
}

import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import {
  DockerContainerClient,
  type ContainerClient,
  type ContainerSummary,
  ACTORKIT_INSTANCE_LABEL,
  ACTORKIT_LABEL,
  engineDownMessage,
  pingEngine,
  DockerImageClient,
  type ImageClient,
  EXECUTION_LABEL,
} from '@actorkit/docker';
import { DockerExecution } from './docker-execution.js';
import type {
  ExecutionHooks,
  ExecutionSpec,
  Executor,
  ExecutorHealth,
  ImageCheck,
  RunningExecution,
} from './executor.js';
import { platformFailure, imageMissingMessage } from './platform-failure.js';
import { DEFAULT_RUNTIME_DIR, RunDirs } from './run-dirs.js';
import { reapStaleInstances } from './stale-instances.js';

const debug = createDebug('actorkit:executor:docker');

export interface DockerExecutorOptions {
  /** Written on every container (ACTORKIT_INSTANCE_LABEL); default: a random id. */
  instanceId?: string;
  /**
   * Where results sockets and FIFOs live (default: <tmpdir>/actorkit-run). They are bind-mounted by path, so when the
   * emulator itself runs in a container this directory must be mounted at the same path on the host.
   */
  runtimeDir?: string;
  containers?: ContainerClient;
  images?: ImageClient;
  /** Deadline for each short engine call (default 30 s). */
  operationTimeoutMs?: number;
  /** After a kill, how long to wait for the exit and the last logs (default 10 s). */
  exitGraceMs?: number;
  /** How often the results socket is looked at while a container runs (default 10 ms). */
  resultsPollMs?: number;
}

export interface LeftoverOptions {
  /** Leave this instance's containers alone, and remove only those of other (dead) instances. */
  otherInstancesOnly?: boolean;
}

/** Runs each execution in a fresh container of the actor's image, on the local engine. */
export class DockerExecutor implements Executor {
  readonly kind = 'docker' as const;
  readonly instanceId: string;
  private readonly containers: ContainerClient;
  private readonly images: ImageClient;
  private readonly runDirs: RunDirs;
  private readonly running = new Set<DockerExecution>();
  private disposed = false;

  constructor(private readonly options: DockerExecutorOptions = {}) {
    this.instanceId = options.instanceId ?? `ak-${randomBytes(6).toString('hex')}`;
    this.containers = options.containers ?? new DockerContainerClient();
    this.images = options.images ?? new DockerImageClient();
    this.runDirs = new RunDirs(options.runtimeDir ?? DEFAULT_RUNTIME_DIR, this.instanceId);
  }

  async health(): Promise<ExecutorHealth> {
    const engine = await pingEngine();
    return { ok: engine.ok, message: engine.ok ? `${engine.message} answers` : engine.message };
  }

  async checkImage(image: string): Promise<ImageCheck> {
    try {
      const found = await this.images.inspect(image);
      return found
        ? { present: true, message: `${image} is present` }
        : { present: false, message: imageMissingMessage(image) };
    } catch (error) {
      return { present: false, message: engineDownMessage(error) };
    }
  }

  async start(spec: ExecutionSpec, hooks: ExecutionHooks): Promise<RunningExecution> {
    if (this.disposed) {
      const done = Promise.resolve(
        platformFailure('the Docker executor has been shut down: start a new emulator'),
      );
      return { done, stop: async () => undefined };
    }
    const execution = new DockerExecution(spec, hooks, {
      containers: this.containers,
      images: this.images,
      runDirs: this.runDirs,
      instanceId: this.instanceId,
      operationTimeoutMs: this.options.operationTimeoutMs ?? 30_000,
      exitGraceMs: this.options.exitGraceMs ?? 10_000,
      resultsPollMs: this.options.resultsPollMs,
    });
    this.running.add(execution);
    void execution.done.finally(() => this.running.delete(execution));
    return execution;
  }

  /** Whether a running execution of this executor owns the container (or is creating it: same execution id). */
  private owns(container: ContainerSummary): boolean {
    const executionId = container.labels[EXECUTION_LABEL];
    return [...this.running].some((e) => e.handle === container.id || e.executionId === executionId);
  }

  /**
   * Removes ActorKit containers that no running execution of this executor owns and whose instance is not alive on
   * this host (containers without an instance label count as leftovers), this instance's own included (those an
   * engine outage left: killed, or created as it went down); then, for dead instances, kills the process groups their
   * pid files name (a process executor's) and removes their run directories. Answers how many containers and
   * processes it removed.
   */
  async removeLeftovers(options: LeftoverOptions = {}): Promise<number> {
    let removed = 0;
    for (const container of await this.containers.listByLabel({ [ACTORKIT_LABEL]: '' })) {
      const instance = container.labels[ACTORKIT_INSTANCE_LABEL] ?? '';
      if (this.owns(container)) continue; // judged now, not before the listing: a creation may be in flight
      if (
        instance === this.instanceId
          ? options.otherInstancesOnly
          : instance && (await this.runDirs.isInstanceAlive(instance))
      ) {
        continue;
      }
      debug('removing leftover container %s of instance %s', container.id, instance || '(none)');
      await this.containers.remove(container.id);
      removed += 1;
    }
    return removed + (await reapStaleInstances(this.runDirs));
  }

  /** Force-quits what still runs, waits for it to be cleaned up, and removes this instance's run directory. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.disposed = true;
    const running = [...this.running];
    await Promise.all(running.map((e) => e.stop()));
    await Promise.all(running.map((e) => e.done));
    await this.runDirs.release();
  }
}

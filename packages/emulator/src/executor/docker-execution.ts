import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import { BINARY_DATA_PATH, RESULTS_SOCKET_PATH } from '@actorkit/api';
import {
  ContainerClientError,
  type ContainerClient,
  type ContainerState,
  type LogAttachment,
  type StatsSubscription,
  type ImageClient,
  executionLabels,
} from '@actorkit/docker';
import { UsageTracker } from './container-stats.js';
import { limitTimer, withDeadline } from './deadline.js';
import { externalStopNote } from './external-stop.js';
import { ExecutionFiles } from './execution-files.js';
import type { ExecutionHooks, ExecutionOutcome, ExecutionSpec, RunningExecution } from './executor.js';
import { guardHooks } from './guarded-hooks.js';
import { memoryLimitBytes } from './memory-limit.js';
import { describePlatformFailure, imageMissingMessage, platformFailure } from './platform-failure.js';
import { safeName, type RunDirs } from './run-dirs.js';

/** The engine's socket, given to privileged actors. */
const DOCKER_SOCKET = '/var/run/docker.sock';

const debug = createDebug('actorkit:executor:docker');

export interface DockerExecutionContext {
  containers: ContainerClient;
  images: ImageClient;
  runDirs: RunDirs;
  instanceId: string;
  /** Deadline for each short engine call (create, start, inspect, kill, remove). */
  operationTimeoutMs: number;
  /** After a kill, how long to wait for the exit and the last logs before giving up. */
  exitGraceMs: number;
  resultsPollMs?: number;
}

type StopReason = NonNullable<ExecutionOutcome['stoppedBy']>;

function parseDockerTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value.startsWith('0001-')) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One execution in a fresh container: created, attached, started, waited for, measured, removed. */
export class DockerExecution implements RunningExecution {
  readonly done: Promise<ExecutionOutcome>;
  private stoppedBy: StopReason | null = null;
  private containerId: string | null = null;
  private giveUp: ((error: Error) => void) | null = null;
  private readonly hooks: Required<ExecutionHooks>;

  constructor(
    private readonly spec: ExecutionSpec,
    hooks: ExecutionHooks,
    private readonly ctx: DockerExecutionContext,
  ) {
    this.hooks = guardHooks(hooks, spec.executionId);
    this.done = this.run();
  }

  /** The container's id once created. */
  get handle(): string | null {
    return this.containerId;
  }

  get executionId(): string {
    return this.spec.executionId;
  }

  async stop(): Promise<void> {
    await this.halt('force-quit');
  }

  private async halt(reason: StopReason): Promise<void> {
    this.stoppedBy ??= reason;
    const id = this.containerId;
    if (!id) return; // not created yet: run() sees stoppedBy before it starts anything
    setTimeout(
      () => this.giveUp?.(new Error(`the engine did not report that ${id} exited after it was killed`)),
      this.ctx.exitGraceMs,
    ).unref();
    try {
      await withDeadline(this.ctx.containers.kill(id), this.ctx.operationTimeoutMs, `killing ${id}`);
    } catch (error) {
      debug('stopping %s (%s) failed: %O', id, reason, error);
    }
  }

  private call<T>(promise: Promise<T>, operation: string): Promise<T> {
    return withDeadline(promise, this.ctx.operationTimeoutMs, operation);
  }

  private async run(): Promise<ExecutionOutcome> {
    const { spec, ctx } = this;
    let doing = `preparing the execution of ${spec.image}`;
    let files: ExecutionFiles | undefined;
    let logs: LogAttachment | undefined;
    let stats: StatsSubscription | undefined;
    let timer: NodeJS.Timeout | undefined;
    let startTime: Date | null = null;
    try {
      const memoryBytes = memoryLimitBytes(spec.memLimit);
      // No look for the image first: a create of a missing image fails with "not found", answered below the same way.
      files = await ExecutionFiles.prepare(ctx.runDirs, spec, this.hooks, ctx.resultsPollMs);
      if (this.stoppedBy) return this.notStarted();
      doing = `creating a container of ${spec.image}`;
      const binds = [`${files.results.path}:${RESULTS_SOCKET_PATH}`, ...(spec.mounts ?? [])];
      if (files.fifo) binds.push(`${files.fifo.path}:${BINARY_DATA_PATH}`);
      // As the service's worker does: a privileged actor may drive the engine (the emulator allows them only on opt-in).
      if (spec.privileged) binds.push(`${DOCKER_SOCKET}:${DOCKER_SOCKET}`);
      const id = await this.call(
        ctx.containers.create({
          image: spec.image,
          name: `actorkit-${safeName(spec.executionId)}-${randomBytes(3).toString('hex')}`,
          cmd: spec.command,
          env: { ...spec.env, ...files.binaryEnv },
          labels: executionLabels(spec, ctx.instanceId),
          binds,
          networkMode: 'host',
          memoryBytes,
          nanoCpus: spec.maxCpus ?? undefined,
          privileged: spec.privileged ?? false,
          user: spec.useContainerUid ? undefined : '0:0',
        }),
        doing,
      );
      this.containerId = id;
      doing = `attaching to the container ${id}`;
      logs = await this.call(
        ctx.containers.attach(id, (_stream, bytes) => this.hooks.onLog(bytes)),
        doing,
      );
      if (this.stoppedBy) return this.notStarted();
      doing = `starting the container ${id}`;
      await this.call(ctx.containers.start(id), doing);
      // after start: a wait on a created container answers at once ("not running")
      const exited = ctx.containers.wait(id);
      exited.catch((e: unknown) => debug('waiting for %s: %O', id, e)); // raced below; never unhandled
      startTime = new Date();
      this.hooks.onStarted({ handle: id, startTime });
      timer = limitTimer(spec.maxRunMs, () => void this.halt('timeout'));
      if (this.stoppedBy) void this.halt(this.stoppedBy);
      const usage = new UsageTracker();
      stats = await this.call(
        ctx.containers.stats(id, (s) => usage.push(s)),
        'reading stats',
      ).catch((e: unknown) => {
        debug('no stats for %s: %O', id, e);
        return undefined;
      });
      doing = `waiting for the container ${id}`;
      const gaveUp = new Promise<never>((_, reject) => (this.giveUp = reject));
      const exitCode = await Promise.race([exited, gaveUp]);
      clearTimeout(timer);
      const [, state] = await Promise.all([
        withDeadline(logs.ended, ctx.exitGraceMs, `reading the last logs of ${id}`).catch((e: unknown) =>
          debug('%O', e),
        ),
        this.call(ctx.containers.inspect(id), `inspecting ${id}`).catch((e: unknown) => {
          debug('no final state for %s: %O', id, e);
          return null;
        }),
      ]);
      return this.outcome(exitCode, state, startTime, usage);
    } catch (error) {
      debug('execution %s: %s failed: %O', spec.executionId, doing, error);
      if (error instanceof ContainerClientError && error.notFound && !this.containerId) {
        return platformFailure(imageMissingMessage(spec.image));
      }
      return platformFailure(describePlatformFailure(error, doing), startTime);
    } finally {
      clearTimeout(timer);
      stats?.close();
      logs?.close();
      await this.cleanUp(files);
    }
  }

  private outcome(
    exitCode: number,
    state: ContainerState | null,
    started: Date,
    usage: UsageTracker,
  ): ExecutionOutcome {
    const startTime = parseDockerTime(state?.StartedAt) ?? started;
    const finishTime = parseDockerTime(state?.FinishedAt) ?? new Date();
    return {
      exitCode,
      finalState: state,
      startTime,
      finishTime,
      runtimeMs: Math.max(0, finishTime.getTime() - startTime.getTime()),
      cpuJiffies: usage.usage.cpuJiffies,
      ioSectors: usage.usage.ioSectors,
      stoppedBy: this.stoppedBy,
      platformError: null,
      stopNote: this.stoppedBy
        ? null
        : externalStopNote('container', exitCode, { oomKilled: state?.OOMKilled === true }),
    };
  }

  private notStarted(): ExecutionOutcome {
    return { ...platformFailure(''), platformError: null, stoppedBy: this.stoppedBy };
  }

  private async cleanUp(files: ExecutionFiles | undefined): Promise<void> {
    this.giveUp = null;
    const id = this.containerId;
    await Promise.all([
      files?.close().catch((e: unknown) => debug('removing the files of %s: %O', this.spec.executionId, e)),
      id &&
        this.call(this.ctx.containers.remove(id), `removing ${id}`).catch((e: unknown) =>
          debug('removing %s failed; removeLeftovers() will: %O', id, e),
        ),
    ]);
  }
}

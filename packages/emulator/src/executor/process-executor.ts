import { randomBytes } from 'node:crypto';
import type {
  ExecutionHooks,
  ExecutionSpec,
  Executor,
  ExecutorHealth,
  ImageCheck,
  RunningExecution,
} from './executor.js';
import { platformFailure } from './platform-failure.js';
import { ProcessExecution } from './process-execution.js';
import { DEFAULT_RUNTIME_DIR, RunDirs } from './run-dirs.js';
import { reapStaleInstances } from './stale-instances.js';

/** What a process inherits from the emulator's environment by default, beside the execution's own variables. */
export const DEFAULT_INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'NODE_OPTIONS'];

export interface ProcessExecutorOptions {
  instanceId?: string;
  /** Where results sockets, FIFOs and pid files live (default: <tmpdir>/actorkit-run). */
  runtimeDir?: string;
  /** Names of the emulator's environment variables a process inherits (default DEFAULT_INHERITED_ENV). */
  inheritEnv?: string[];
  /** Between SIGTERM and SIGKILL when stopping a process group (default 5 s). */
  killGraceMs?: number;
  resultsPollMs?: number;
}

/**
 * Runs each execution as a local process group: the fallback when no Docker engine answers. The actor's command runs
 * in spec.cwd with the execution's environment; the binary message and the results socket are at the paths named by
 * ACTORKIT_BINARY_DATA_PATH and ACTORKIT_RESULTS_SOCKET_PATH. Image, memory, CPU and privilege settings do not apply.
 */
export class ProcessExecutor implements Executor {
  readonly kind = 'process' as const;
  readonly instanceId: string;
  private readonly runDirs: RunDirs;
  private readonly running = new Set<ProcessExecution>();
  private disposed = false;

  constructor(private readonly options: ProcessExecutorOptions = {}) {
    this.instanceId = options.instanceId ?? `ak-${randomBytes(6).toString('hex')}`;
    this.runDirs = new RunDirs(options.runtimeDir ?? DEFAULT_RUNTIME_DIR, this.instanceId);
  }

  async health(): Promise<ExecutorHealth> {
    return { ok: true, message: `local processes (node ${process.version}) in ${this.runDirs.root}` };
  }

  async checkImage(image: string): Promise<ImageCheck> {
    return {
      present: true,
      message: `the process executor runs the actor's command; the image ${image} is not used`,
    };
  }

  async start(spec: ExecutionSpec, hooks: ExecutionHooks): Promise<RunningExecution> {
    if (this.disposed) {
      const done = Promise.resolve(
        platformFailure('the process executor has been shut down: start a new emulator'),
      );
      return { done, stop: async () => undefined };
    }
    const baseEnv: Record<string, string> = {};
    for (const name of this.options.inheritEnv ?? DEFAULT_INHERITED_ENV) {
      const value = process.env[name];
      if (value !== undefined) baseEnv[name] = value;
    }
    const execution = new ProcessExecution(spec, hooks, {
      runDirs: this.runDirs,
      baseEnv,
      killGraceMs: this.options.killGraceMs ?? 5000,
      resultsPollMs: this.options.resultsPollMs,
    });
    this.running.add(execution);
    void execution.done.finally(() => this.running.delete(execution));
    return execution;
  }

  /**
   * Kills the process groups that dead instances recorded in their pid files, when the pid still names the same
   * process (same start time), and removes those instances' run directories. Answers how many were killed.
   */
  removeLeftovers(): Promise<number> {
    return reapStaleInstances(this.runDirs);
  }

  /** Stops what still runs (SIGTERM, then SIGKILL), waits for it, and removes this instance's run directory. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.disposed = true;
    const running = [...this.running];
    await Promise.all(running.map((e) => e.stop()));
    await Promise.all(running.map((e) => e.done));
    await this.runDirs.release();
  }
}

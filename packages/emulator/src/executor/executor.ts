/**
 * The seam between the emulator's workers and whatever runs an execution: a Docker container (the real thing) or a
 * local process (the fallback). Workers know only this interface; a fake implements it in unit tests.
 */

export type ExecutorKind = 'docker' | 'process';

/** Everything needed to run one message, already resolved by the worker. */
export interface ExecutionSpec {
  executionId: string;
  actorId: string;
  workerId: string;
  /** The actor's image (Docker) or, for the process executor, the image name used to find the command. */
  image: string;
  /** The full environment: `_abaco_*` variables, defaultEnvironment and message parameters. */
  env: Record<string, string>;
  /** The binary message, written to the FIFO before the process starts; absent for str and JSON messages. */
  binary?: Uint8Array;
  /** Docker memory notation, e.g. `512m`. */
  memLimit?: string | null;
  /** Nano-CPUs (1e9 = one CPU). */
  maxCpus?: number | null;
  /** Stop the execution after this many milliseconds. */
  maxRunMs: number;
  privileged?: boolean;
  /** Run as the image's own user rather than root (the actor's `useContainerUid`). */
  useContainerUid?: boolean;
  /** Extra bind mounts `host:container[:ro]`, used by the dev loop to mount compiled code. */
  mounts?: string[];
  /** Overrides the image's command (process executor: the command to spawn). */
  command?: string[];
  /** Working directory for the process executor. */
  cwd?: string;
}

/** Called while the execution runs, in order of arrival. */
export interface ExecutionHooks {
  onStarted?(info: { handle: string; startTime: Date }): void;
  /** stdout and stderr, interleaved as they come. */
  onLog(chunk: Uint8Array): void;
  /** One datagram from the results socket: one result, kept whole. */
  onResult(bytes: Uint8Array): void;
}

export interface ExecutionOutcome {
  /** The process's exit code; null when it never ran. */
  exitCode: number | null;
  /** Docker's state object (`{Status, ExitCode, OOMKilled, ...}`), or an equivalent for processes. */
  finalState: Record<string, unknown> | null;
  startTime: Date | null;
  finishTime: Date;
  /** Milliseconds from start to finish. */
  runtimeMs: number;
  /** User-mode CPU time in jiffies (1/100 s). */
  cpuJiffies: number;
  /** Block I/O in 512-byte sectors, read and written. */
  ioSectors: number;
  /** Why it ended early: `timeout`, `force-quit`, or null when it ended by itself. */
  stoppedBy: 'timeout' | 'force-quit' | null;
  /** Set when the platform failed (image missing, engine down, container could not start): status ERROR. */
  platformError: string | null;
  /**
   * Why a run the emulator did not stop ended abnormally anyway: killed by a signal from outside (the engine
   * stopping, `docker kill`) or out of memory. Becomes the execution's statusMessage; absent or null otherwise.
   */
  stopNote?: string | null;
}

export interface RunningExecution {
  /** Resolves when the execution has ended and everything it left is cleaned up. Never rejects. */
  readonly done: Promise<ExecutionOutcome>;
  /** Stops it (force-quit); `done` resolves with stoppedBy `force-quit`. */
  stop(): Promise<void>;
}

export interface ExecutorHealth {
  ok: boolean;
  /** What is wrong and how to fix it, e.g. "the Docker engine does not answer at /var/run/docker.sock: start it with ...". */
  message: string;
}

export interface ImageCheck {
  present: boolean;
  /** When absent: what was looked for, and what to do. */
  message: string;
}

export interface Executor extends AsyncDisposable {
  readonly kind: ExecutorKind;
  health(): Promise<ExecutorHealth>;
  checkImage(image: string): Promise<ImageCheck>;
  /** Starts the execution. Platform failures are reported through `done`, not thrown. */
  start(spec: ExecutionSpec, hooks: ExecutionHooks): Promise<RunningExecution>;
  /**
   * Removes containers (or processes) a previous emulator left behind, and those of this executor that no running
   * execution owns any more (an engine outage can leave some); answers how many.
   */
  removeLeftovers(): Promise<number>;
}

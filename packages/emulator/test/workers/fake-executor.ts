import type {
  ExecutionHooks,
  ExecutionOutcome,
  ExecutionSpec,
  Executor,
  ExecutorHealth,
  ImageCheck,
  RunningExecution,
} from '../../src/executor/executor.js';

/** A scripted run: what the fake "container" does with the spec it was given. */
export type FakeScript = (spec: ExecutionSpec, hooks: ExecutionHooks, stop: AbortSignal) => Promise<number>;

/** An in-memory Executor for unit tests of the worker pool: no engine, no processes. */
export class FakeExecutor implements Executor {
  readonly kind = 'docker' as const;
  engineUp = true;
  images = new Set<string>(['test/image:1']);
  started: ExecutionSpec[] = [];
  running = 0;
  maxRunning = 0;
  script: FakeScript = async () => 0;

  async health(): Promise<ExecutorHealth> {
    return this.engineUp
      ? { ok: true, message: 'fake engine' }
      : { ok: false, message: 'the fake engine is down' };
  }

  async checkImage(image: string): Promise<ImageCheck> {
    return this.images.has(image)
      ? { present: true, message: '' }
      : { present: false, message: `no image ${image}` };
  }

  async start(spec: ExecutionSpec, hooks: ExecutionHooks): Promise<RunningExecution> {
    const stop = new AbortController();
    const base = { finalState: null, runtimeMs: 1, cpuJiffies: 0, ioSectors: 0, finishTime: new Date() };
    if (!this.engineUp) {
      return {
        done: Promise.resolve({
          ...base,
          exitCode: null,
          startTime: null,
          stoppedBy: null,
          platformError: 'engine down',
        }),
        stop: async () => {},
      };
    }
    this.started.push(spec);
    const startTime = new Date();
    hooks.onStarted?.({ handle: `fake-${spec.executionId}`, startTime });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const done = this.script(spec, hooks, stop.signal)
      .then((exitCode): ExecutionOutcome => ({
        ...base,
        exitCode,
        startTime,
        finishTime: new Date(),
        stoppedBy: stop.signal.aborted ? 'force-quit' : null,
        platformError: null,
      }))
      .finally(() => this.running--);
    return { done, stop: async () => stop.abort() };
  }

  async removeLeftovers(): Promise<number> {
    return 0;
  }

  async [Symbol.asyncDispose](): Promise<void> {}
}

/** Resolves when `signal` aborts or after `ms`, whichever is first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

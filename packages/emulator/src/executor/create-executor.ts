import { pingEngine } from '@actorkit/docker';
import { DockerExecutor, type DockerExecutorOptions } from './docker-executor.js';
import type { Executor } from './executor.js';
import { ProcessExecutor, type ProcessExecutorOptions } from './process-executor.js';

export type ExecutorChoice = 'docker' | 'process' | 'auto';

export interface CreateExecutorOptions {
  /** Shared by both kinds unless their own options say otherwise. */
  instanceId?: string;
  runtimeDir?: string;
  docker?: DockerExecutorOptions;
  process?: ProcessExecutorOptions;
}

export interface CreatedExecutor {
  executor: Executor;
  /** A sentence for the user: which executor is in use, and why. */
  reason: string;
}

/**
 * The executor asked for. `auto` takes Docker when the engine answers, else local processes, and says so: a fallback
 * is never silent. `docker` is honoured even when the engine is down (executions then fail with a platform error
 * saying how to start it), and the sentence warns about it.
 */
export async function createExecutor(
  kind: ExecutorChoice,
  options: CreateExecutorOptions = {},
): Promise<CreatedExecutor> {
  const shared = { instanceId: options.instanceId, runtimeDir: options.runtimeDir };
  const docker = () => new DockerExecutor({ ...shared, ...options.docker });
  const local = () => new ProcessExecutor({ ...shared, ...options.process });
  if (kind === 'process') {
    return {
      executor: local(),
      reason: 'executions run as local processes (the process executor), as asked',
    };
  }
  const engine = await pingEngine();
  if (kind === 'docker') {
    return {
      executor: docker(),
      reason: engine.ok
        ? `executions run in Docker containers (${engine.message}), as asked`
        : `executions run in Docker containers, as asked, but ${engine.message}; until it answers they fail`,
    };
  }
  return engine.ok
    ? { executor: docker(), reason: `executions run in Docker containers: ${engine.message} answers` }
    : {
        executor: local(),
        reason:
          `executions run as local processes, because ${engine.message.replace(/, or run with .*$/, '')}, ` +
          'then restart the emulator to run them in containers',
      };
}

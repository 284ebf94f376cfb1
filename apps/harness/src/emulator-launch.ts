import { createExecutor, executorWorkerPool, startEmulator, type RunningEmulator } from '@actorkit/emulator';
import type { LaunchOptions } from './emulator-options.js';

export {
  EMULATOR_OPTIONS,
  EMULATOR_OPTIONS_HELP,
  readLaunchOptions,
  type LaunchOptions,
} from './emulator-options.js';

export interface LaunchedEmulator extends AsyncDisposable {
  emulator: RunningEmulator;
  executorKind: 'docker' | 'process';
  /** Which executor runs executions, and why: printed, so a fallback is never silent. */
  executorReason: string;
  /** Stops the emulator (in-flight requests finish, the pool stops, the store closes), then the executor. */
  dispose(): Promise<void>;
}

/** Starts the emulator with the chosen executor and the worker pool, so messages run. */
export async function launchEmulator(options: LaunchOptions): Promise<LaunchedEmulator> {
  const { executor, reason } = await createExecutor(options.executor);
  const settings = Object.fromEntries(Object.entries(options.pool).filter(([, v]) => v !== undefined));
  try {
    const emulator = await startEmulator({
      ...options.emulator,
      executor,
      workerPool: executorWorkerPool(settings),
    });
    const dispose = async () => {
      await emulator.dispose();
      await executor[Symbol.asyncDispose]();
    };
    return {
      emulator,
      executorKind: executor.kind,
      executorReason: reason,
      dispose,
      [Symbol.asyncDispose]: dispose,
    };
  } catch (error) {
    await executor[Symbol.asyncDispose]();
    throw error;
  }
}

import type { Credentials } from '@actorkit/api';
import { createExecutor } from '../../src/executor/create-executor.js';
import type { Executor } from '../../src/executor/executor.js';
import type { StartEmulatorOptions } from '../../src/options.js';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { executorWorkerPool, type ExecutorPoolSettings } from '../../src/workers/executor-pool-factory.js';
import { LOCAL_SETTINGS } from '../../src/workers/local-settings.js';
import { engine, requireEngine, skipWithoutEngine } from '../docker/engine.js';
import { FIXTURE_SCRIPT } from '../executor/harness.js';

export type EngineKind = 'docker' | 'process';

/** The executors the shared tests run on; Docker is skipped (outside CI) when its engine does not answer. */
export const EXECUTOR_KINDS: { kind: EngineKind; skip: boolean; title: string }[] = [
  {
    kind: 'docker',
    skip: skipWithoutEngine,
    title: skipWithoutEngine ? `docker (skipped: ${engine.message})` : 'docker',
  },
  { kind: 'process', skip: false, title: 'process' },
];

/** A second user, for executions sent by someone other than the actor's owner. */
export const ALICE = { name: 'alice', token: 'alice-token-0123456789' };
export const aliceCredentials: Credentials = { kind: 'bearer', token: ALICE.token };

export interface EngineEmulator extends AsyncDisposable {
  kind: EngineKind;
  emu: RunningEmulator;
  executor: Executor;
}

/** An in-memory emulator whose worker pool runs messages on a real executor of `kind`. */
export async function startEngineEmulator(
  kind: EngineKind,
  settings: ExecutorPoolSettings = {},
  options: StartEmulatorOptions = {},
): Promise<EngineEmulator> {
  if (kind === 'docker') requireEngine();
  const { executor } = await createExecutor(kind);
  try {
    const emu = await startEmulator({
      inMemory: true,
      user: 'owner',
      users: [ALICE],
      executor,
      workerPool: executorWorkerPool({ cronIntervalMs: 0, ...settings }),
      ...options,
    });
    return {
      kind,
      emu,
      executor,
      [Symbol.asyncDispose]: async () => {
        await emu.dispose();
        await executor[Symbol.asyncDispose]();
      },
    };
  } catch (error) {
    await executor[Symbol.asyncDispose]();
    throw error;
  }
}

/**
 * An actor's defaultEnvironment for this executor: the process executor is told what to run (ACTORKIT_PROCESS_COMMAND,
 * node and the script), the Docker executor runs the image's own command.
 */
export function actorEnvironment(
  kind: EngineKind,
  env: Record<string, string> = {},
  script: string = FIXTURE_SCRIPT,
): Record<string, string> {
  if (kind === 'docker') return env;
  return { ...env, [LOCAL_SETTINGS.processCommand]: JSON.stringify([process.execPath, script]) };
}

import type { KeyCase } from '@actorkit/api';
import type { RunningEmulator, StartEmulatorOptions } from '../../src/index.js';
import { executorWorkerPool } from '../../src/workers/executor-pool-factory.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';
import { FakeExecutor, pause } from '../workers/fake-executor.js';

/** The image the fake executor knows: actors on it turn READY and run their messages. */
export const RUNNABLE_IMAGE = 'test/image:1';

export interface RunningEmulatorWithExecutor extends AsyncDisposable {
  emu: RunningEmulator;
  executor: FakeExecutor;
  /** From now on, each execution runs until it is force-quit (or the emulator stops). */
  holdExecutions(): void;
}

/**
 * An in-memory emulator whose worker pool runs messages on the fake executor (no engine): the cheapest real path
 * to executions that start, run and finish, and to workers that come up.
 */
export async function startRunningEmulator(
  keyCase: KeyCase,
  extra: StartEmulatorOptions = {},
): Promise<RunningEmulatorWithExecutor> {
  const executor = new FakeExecutor();
  const emu = await startTestEmulator({
    keyCase,
    executor,
    workerPool: executorWorkerPool({ cronIntervalMs: 0, engineRetryMs: 20 }),
    ...extra,
  });
  return {
    emu,
    executor,
    holdExecutions() {
      executor.script = async (_spec, _hooks, stop) => {
        await pause(60_000, stop);
        return 0;
      };
    },
    [Symbol.asyncDispose]: () => emu.dispose(),
  };
}

/** The result of a GET through plain HTTP, as an object (failing loudly on anything but a 200). */
export async function getResult(
  emu: Pick<RunningEmulator, 'url'>,
  path: string,
  token: string = USERS.admin.token,
): Promise<Record<string, unknown>> {
  const res = await raw(emu, 'GET', path, { token });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.json?.result as Record<string, unknown>;
}

/** Polls `check` until it answers something other than undefined; fails after `ms`. */
export async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sorted keys, for exact key-set comparisons. */
export function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>).sort();
}

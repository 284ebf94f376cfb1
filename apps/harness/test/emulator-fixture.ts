import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  createExecutor,
  executorWorkerPool,
  startEmulator,
  type Executor,
  type RunningEmulator,
} from '@actorkit/emulator';
import { connection, ECHO_ACTOR } from './cli-fixture.js';

export interface TestService {
  emu: RunningEmulator;
  /** `--api <url> --token <token>` for a command line. */
  c: string[];
  /** A scratch folder, removed afterwards. */
  dir: string;
}

/**
 * An in-memory emulator for the file's tests, started before them and disposed after. With `run: true`, messages
 * really run: as local processes (the process executor), so no Docker is needed.
 */
export function useEmulator(options: { run?: boolean } = {}): TestService {
  const service = {} as TestService;
  let executor: Executor | undefined;
  beforeAll(async () => {
    if (options.run) ({ executor } = await createExecutor('process'));
    service.emu = await startEmulator({
      inMemory: true,
      ...(executor ? { executor, workerPool: executorWorkerPool() } : {}),
    });
    service.c = connection(service.emu);
    service.dir = await mkdtemp(join(tmpdir(), 'actorkit-cli-'));
  });
  afterAll(async () => {
    await service.emu.dispose();
    await executor?.[Symbol.asyncDispose]();
    await rm(service.dir, { recursive: true, force: true });
  });
  return service;
}

/** The defaultEnvironment that makes the process executor run test/fixtures/echo-actor.mjs. */
export const ECHO_ENVIRONMENT = {
  ACTORKIT_PROCESS_COMMAND: JSON.stringify([process.execPath, ECHO_ACTOR]),
  GREETING: 'Hello',
};

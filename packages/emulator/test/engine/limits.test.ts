import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Execution } from '@actorkit/api';
import { DockerContainerClient, EXECUTION_LABEL } from '@actorkit/docker';
import { isPidAlive } from '../../src/executor/run-dirs.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import {
  actorEnvironment,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import { poll, waitForFinal, waitForReady, waitForStatus } from './wait-for.js';

const MAX_RUN_MS = 1500;

/**
 * What runs each execution (the container id, or the process group's pid), as the executor reports it when it
 * starts. The worker record no longer names it: a worker's cid is the worker's own (fidelity §8.2).
 */
function recordHandles(target: EngineEmulator): Map<string, string> {
  const handles = new Map<string, string>();
  const { executor } = target;
  const start = executor.start.bind(executor);
  executor.start = (spec, hooks) =>
    start(spec, {
      ...hooks,
      onStarted: (info) => {
        handles.set(spec.executionId, info.handle);
        hooks.onStarted?.(info);
      },
    });
  return handles;
}

/** Why an execution ended as the emulator keeps it (the service's execution display has no statusMessage). */
function statusMessage(target: EngineEmulator, executionId: string): string | undefined {
  return target.emu.store.executions.get(executionId)?.statusMessage;
}

describe.each(EXECUTOR_KINDS)(
  'exit codes, the maximum run time, force-quit and kills from outside: $title',
  ({ kind, skip }) => {
    let on: EngineEmulator;
    let short: EngineEmulator;
    let handles: Map<string, string>;
    /** What stopping a sleeper gives: Docker kills (SIGKILL, 137); the process executor sends SIGTERM first (143). */
    const stoppedExit = kind === 'docker' ? 137 : 143;

    beforeAll(async () => {
      if (skip) return;
      if (kind === 'docker') await buildFixtureImages();
      on = await startEngineEmulator(kind);
      handles = recordHandles(on);
      short = await startEngineEmulator(kind, { maxRunMs: MAX_RUN_MS });
    }, 240_000);
    afterAll(async () => {
      await on?.[Symbol.asyncDispose]();
      await short?.[Symbol.asyncDispose]();
    });

    async function send(target: EngineEmulator, env: Record<string, string>) {
      const { client } = target.emu;
      const actor = await client.add({ image: ACTOR_IMAGE, defaultEnvironment: actorEnvironment(kind, env) });
      await waitForReady(client, actor.id);
      const { executionId } = await client.sendMessage(actor.id, 'go');
      return { client, actorId: actor.id, executionId };
    }

    /** Nothing of the execution is left running: no container (Docker), no process (local). */
    async function expectGone(execution: Execution) {
      if (kind === 'docker') {
        const left = await new DockerContainerClient().listByLabel({ [EXECUTION_LABEL]: execution.id });
        expect(left).toEqual([]);
      } else {
        expect(isPidAlive(Number(execution.finalState?.Pid))).toBe(false);
      }
    }

    it.skipIf(skip)('a run that exits 3 ends COMPLETE with exitCode 3', async () => {
      const { client, actorId, executionId } = await send(on, { FIXTURE_EXIT: '3' });
      const execution = await waitForFinal(client, actorId, executionId);
      expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: 3 });
      expect(statusMessage(on, executionId)).toBe('');
      expect(execution.finalState).toMatchObject({ ExitCode: 3 });
      await expectGone(execution);
    });

    it.skipIf(skip)('a run that sleeps past the maximum run time is stopped, and says so', async () => {
      const { client, actorId, executionId } = await send(short, { FIXTURE_SLEEP: '1' });
      const execution = await waitForFinal(client, actorId, executionId, 30_000);
      expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: stoppedExit });
      expect(statusMessage(short, executionId)).toBe('stopped: it ran past the maximum run time');
      expect(execution.runtime).toBeGreaterThanOrEqual(MAX_RUN_MS - 100);
      expect(execution.runtime).toBeLessThan(MAX_RUN_MS + 10_000);
      expect((await client.getExecutionLogs(actorId, executionId)).logs).toContain('sleeping');
      await expectGone(execution);
    });

    it.skipIf(skip)('force-quit stops a running execution; a finished one cannot be force-quit', async () => {
      const { client, actorId, executionId } = await send(on, { FIXTURE_SLEEP: '1' });
      await waitForStatus(client, actorId, executionId, ['RUNNING']);
      await poll(
        async () =>
          (await client.getExecutionLogs(actorId, executionId)).logs.includes('sleeping') ? true : undefined,
        20_000,
        'the sleeper saying so',
      );
      await client.deleteExecution(actorId, executionId);
      const execution = await waitForFinal(client, actorId, executionId, 20_000);
      expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: stoppedExit });
      expect(statusMessage(on, executionId)).toBe('stopped by force-quit');
      await expectGone(execution);
      await expect(client.deleteExecution(actorId, executionId)).rejects.toMatchObject({ status: 400 });
    });

    it.skipIf(skip)(
      'a run killed from outside the emulator (docker kill, kill -9) ends COMPLETE saying so',
      async () => {
        const { client, actorId, executionId } = await send(on, { FIXTURE_SLEEP: '1' });
        await waitForStatus(client, actorId, executionId, ['RUNNING']);
        // the executor's handle names what runs: the container id (Docker) or the process group's pid (local)
        const handle = handles.get(executionId);
        expect(handle).toBeDefined();
        if (kind === 'docker') await new DockerContainerClient().kill(handle!, 'SIGKILL');
        else {
          // never kill(-0) or kill(-1): those signal this test's own process group, or everything
          expect(Number(handle)).toBeGreaterThan(1);
          process.kill(-Number(handle), 'SIGKILL');
        }
        const execution = await waitForFinal(client, actorId, executionId, 20_000);
        expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: 137 });
        expect(statusMessage(on, executionId)).toMatch(
          /killed by SIGKILL \(exit 137\) from outside the emulator/,
        );
        await expectGone(execution);
      },
    );
  },
);

import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorsClient } from '@actorkit/api';
import { DockerContainerClient, ACTORKIT_INSTANCE_LABEL } from '@actorkit/docker';
import { DEFAULT_RUNTIME_DIR } from '../../src/executor/run-dirs.js';
import { spawnEmulator, type ChildEmulator } from '../api/child-emulator.js';
import { requireEngine, skipWithoutEngine } from '../docker/engine.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import { runMarkers, type RunMarkers } from './run-markers.js';
import { poll, waitForAllFinal, waitForFinal, waitForReady, waitForStatus } from './wait-for.js';

const CHILD = fileURLToPath(new URL('./pool-emulator-child.ts', import.meta.url));
const QUEUED = 20;

function clientOf(child: ChildEmulator): ActorsClient {
  return new ActorsClient({ baseUrl: child.url, credentials: { kind: 'bearer', token: child.token } });
}

/** SIGTERM (the child disposes its emulator and executor), SIGKILL if it has not gone within 15 s. */
async function stopChild(child: ChildEmulator): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => void child.kill9(), 15_000);
  await exited;
  clearTimeout(timer);
}

describe.skipIf(skipWithoutEngine)(
  'the emulator killed with SIGKILL while one execution runs and 20 wait',
  () => {
    let dir: string;
    let markers: RunMarkers;
    const children: ChildEmulator[] = [];

    beforeAll(async () => {
      requireEngine();
      await buildFixtureImages();
      dir = await mkdtemp(join(tmpdir(), 'actorkit-crash-'));
      markers = await runMarkers();
    }, 240_000);
    afterAll(async () => {
      for (const child of children) await stopChild(child);
      await markers?.[Symbol.asyncDispose]();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('after a restart the running one is ERROR (not re-run), the 20 run in order exactly once, no container is left', async () => {
      const first = await spawnEmulator(dir, { script: CHILD });
      children.push(first);
      const c = clientOf(first);
      const actor = await c.add({
        image: ACTOR_IMAGE,
        stateless: false,
        defaultEnvironment: markers.env('docker'),
      });
      await waitForReady(c, actor.id);
      const sleeper = (await c.sendMessage(actor.id, 'sleeper', { FIXTURE_SLEEP: '1' })).executionId;
      const ids: string[] = [];
      for (let i = 0; i < QUEUED; i += 1) ids.push((await c.sendMessage(actor.id, `m${i}`)).executionId);
      await waitForStatus(c, actor.id, sleeper, ['RUNNING'], 30_000);
      await poll(
        async () => ((await markers.read()).length === 1 ? true : undefined),
        20_000,
        'the sleeper starting',
      );
      expect((await c.getMessages(actor.id)).messages).toBe(QUEUED);
      const deadInstance = String(first.info.instanceId);
      const containers = new DockerContainerClient();
      expect(await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: deadInstance })).toHaveLength(1);

      await first.kill9();
      const second = await spawnEmulator(dir, { script: CHILD });
      children.push(second);
      const d = clientOf(second);
      const interrupted = await waitForFinal(d, actor.id, sleeper, 30_000);
      // the display has no statusMessage (fidelity §2.2); test/workers checks the note the store keeps
      expect(interrupted).toMatchObject({ status: 'ERROR', exitCode: null });
      const executions = await waitForAllFinal(d, actor.id, ids, 120_000);
      expect(executions.map((e) => [e.status, e.exitCode])).toEqual(ids.map(() => ['COMPLETE', 0]));
      const starts = executions.map((e) => Date.parse(e.startTime!));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));

      // one marker per run: the sleeper once (never re-run), then the 20 in the order they were sent
      expect((await markers.read()).map((m) => m.executionId)).toEqual([sleeper, ...ids]);
      expect((await markers.read()).map((m) => m.msg)).toEqual(['sleeper', ...ids.map((_, i) => `m${i}`)]);
      expect((await d.getMessages(actor.id)).messages).toBe(0);
      expect(await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: deadInstance })).toEqual([]);
      expect(existsSync(join(DEFAULT_RUNTIME_DIR, deadInstance))).toBe(false); // its sockets and FIFOs too
    }, 180_000);
  },
);

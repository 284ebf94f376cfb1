import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerContainerClient, ACTORKIT_INSTANCE_LABEL } from '@actorkit/docker';
import type { DockerExecutor } from '../../src/executor/docker-executor.js';
import { requireEngine, skipWithoutEngine } from '../docker/engine.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import {
  dockerAnswers,
  ENGINE_RESTART_SKIP_REASON,
  engineRestartEnabled,
  startDockerd,
  stopDockerd,
} from './docker-daemon.js';
import { startEngineEmulator, type EngineEmulator } from './engine-emulator.js';
import { runMarkers, type RunMarkers } from './run-markers.js';
import {
  FINAL_STATUSES,
  poll,
  waitForAllFinal,
  waitForFinal,
  waitForReady,
  waitForStatus,
} from './wait-for.js';

const title = 'the Docker engine stopped during a run, then started again';
const skip = !engineRestartEnabled || skipWithoutEngine;
const WAITING = /^waiting to run: the Docker engine does not answer at .*\. Start it/;

// Runs alone (vitest.config.ts puts it in its own project, after the others): it stops the machine's engine.
describe.skipIf(skip)(skip ? `${title} (${ENGINE_RESTART_SKIP_REASON})` : title, () => {
  let on: EngineEmulator;
  let markers: RunMarkers;

  beforeAll(async () => {
    requireEngine();
    await buildFixtureImages();
    markers = await runMarkers();
    on = await startEngineEmulator('docker', { engineRetryMs: 250 });
  }, 240_000);
  afterAll(async () => {
    if (!(await dockerAnswers())) await startDockerd(); // whatever happened, leave the machine's engine running
    await on?.[Symbol.asyncDispose]();
    await markers?.[Symbol.asyncDispose]();
  }, 120_000);

  it('what could not start waits saying why, the running one ends saying what happened, the rest run after', async () => {
    const { client } = on.emu;
    // The emulator's note on each execution (the service's execution display has no statusMessage).
    const note = (id: string) => on.emu.store.executions.get(id)?.statusMessage ?? '';
    const actor = await client.add({
      image: ACTOR_IMAGE,
      stateless: false,
      defaultEnvironment: markers.env('docker'),
    });
    await waitForReady(client, actor.id);
    const running = (await client.sendMessage(actor.id, 'running', { FIXTURE_SLEEP: '1' })).executionId;
    const before = (await client.sendMessage(actor.id, 'before')).executionId;
    await waitForStatus(client, actor.id, running, ['RUNNING'], 30_000);
    await poll(
      async () => ((await markers.read()).length === 1 ? true : undefined),
      20_000,
      'the sleeper starting',
    );

    const during: string[] = [];
    try {
      await stopDockerd(); // the engine stops the sleeper (SIGTERM, ignored by PID 1, then SIGKILL) on its way down
      during.push((await client.sendMessage(actor.id, 'during 1')).executionId);
      during.push((await client.sendMessage(actor.id, 'during 2')).executionId);
      const ended = await waitForFinal(client, actor.id, running, 30_000);
      expect(FINAL_STATUSES).toContain(ended.status);
      expect(note(running)).toMatch(
        /killed by SIG\w+ \(exit \d+\) from outside the emulator \(the Docker engine stopping|the Docker engine does not answer/,
      );
      for (const id of [before, ...during]) {
        const waiting = await waitForStatus(client, actor.id, id, ['SUBMITTED'], 10_000);
        await poll(
          async () => (WAITING.test(note(id)) ? true : undefined),
          10_000,
          `execution ${id} saying why it waits`,
        );
        expect(waiting.startTime).toBeNull();
      }
      expect((await client.getMessages(actor.id)).messages).toBe(3);
    } finally {
      await startDockerd();
    }

    const rest = await waitForAllFinal(client, actor.id, [before, ...during], 60_000);
    expect(rest.map((e) => [e.status, e.exitCode, note(e.id)])).toEqual(rest.map(() => ['COMPLETE', 0, '']));
    // each ran exactly once, in order; the one the engine killed was not run again
    expect((await markers.read()).map((m) => m.msg)).toEqual(['running', 'before', 'during 1', 'during 2']);
    // what the outage left (the killed container, any created as the engine went down) is gone
    const instance = (on.executor as DockerExecutor).instanceId;
    const containers = new DockerContainerClient();
    await poll(
      async () =>
        (await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: instance })).length === 0
          ? true
          : undefined,
      10_000,
      'no container of this emulator left',
    );
  }, 240_000);
});

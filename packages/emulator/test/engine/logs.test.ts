import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_CAP_BYTES, LOG_CAP_NOTE } from '../../src/store/logs-store.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import {
  actorEnvironment,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import { FINAL_STATUSES, poll, waitForFinal, waitForReady } from './wait-for.js';

describe.each(EXECUTOR_KINDS)('execution logs: $title', ({ kind, skip }) => {
  let on: EngineEmulator;

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'docker') await buildFixtureImages();
    on = await startEngineEmulator(kind);
  }, 240_000);
  afterAll(async () => on?.[Symbol.asyncDispose]());

  async function send(env: Record<string, string>) {
    const { client } = on.emu;
    const actor = await client.add({ image: ACTOR_IMAGE, defaultEnvironment: actorEnvironment(kind, env) });
    await waitForReady(client, actor.id);
    const { executionId } = await client.sendMessage(actor.id, 'go');
    return { client, actorId: actor.id, executionId };
  }

  it.skipIf(skip)(
    '5 MB of logs leave a log capped at 1,000,000 bytes with the note, and an emulator that answers',
    async () => {
      const { client, actorId, executionId } = await send({ FIXTURE_LOG_BYTES: String(5_000_000) });
      let slowest = 0;
      await poll(
        async () => {
          const t0 = performance.now();
          await client.get(actorId); // while the flood runs
          slowest = Math.max(slowest, performance.now() - t0);
          const { status } = await client.getExecution(actorId, executionId);
          return FINAL_STATUSES.includes(status) ? true : undefined;
        },
        60_000,
        'the flood ending',
      );
      expect(slowest).toBeLessThan(2000);
      expect(await client.getExecution(actorId, executionId)).toMatchObject({
        status: 'COMPLETE',
        exitCode: 0,
      });
      const { logs } = await client.getExecutionLogs(actorId, executionId);
      expect(logs).toBe('x'.repeat(LOG_CAP_BYTES) + LOG_CAP_NOTE);
      const t0 = performance.now();
      expect((await client.get(actorId)).status).toBe('READY');
      expect(performance.now() - t0).toBeLessThan(1000); // generous for a loaded 2-core CI; it takes milliseconds
    },
  );

  it.skipIf(skip)('multi-byte characters stay whole across chunk boundaries, and at the cap', async () => {
    const whole = await send({ FIXTURE_LOG_BYTES: String(600_000), FIXTURE_LOG_TEXT: '€' });
    await waitForFinal(whole.client, whole.actorId, whole.executionId);
    const { logs } = await whole.client.getExecutionLogs(whole.actorId, whole.executionId);
    expect(logs.length).toBe(200_000);
    expect(logs).toBe('€'.repeat(200_000)); // no U+FFFD where a 3-byte character was split between chunks

    const capped = await send({ FIXTURE_LOG_BYTES: String(2_000_000), FIXTURE_LOG_TEXT: '€' });
    await waitForFinal(capped.client, capped.actorId, capped.executionId);
    const cut = (await capped.client.getExecutionLogs(capped.actorId, capped.executionId)).logs;
    expect(cut).toBe('€'.repeat(Math.floor(LOG_CAP_BYTES / 3)) + LOG_CAP_NOTE);
  });
});

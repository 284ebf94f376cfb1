import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import { expectedResult } from '../executor/harness.js';
import {
  actorEnvironment,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import { waitForFinal, waitForReady } from './wait-for.js';

describe.each(EXECUTOR_KINDS)('results come back through the API: $title', ({ kind, skip }) => {
  let on: EngineEmulator;
  let actorId: string;

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'docker') await buildFixtureImages();
    on = await startEngineEmulator(kind);
    actorId = (await on.emu.client.add({ image: ACTOR_IMAGE, defaultEnvironment: actorEnvironment(kind) }))
      .id;
    await waitForReady(on.emu.client, actorId);
  }, 240_000);
  afterAll(async () => on?.[Symbol.asyncDispose]());

  /** Runs one message with these fixture settings; answers the execution, its log and every result, oldest first. */
  async function runWith(env: Record<string, string>) {
    const { client } = on.emu;
    const { executionId } = await client.sendMessage(actorId, 'results please', env);
    const execution = await waitForFinal(client, actorId, executionId);
    const { logs } = await client.getExecutionLogs(actorId, executionId);
    const results: Uint8Array[] = [];
    for (;;) {
      const result = await client.getOneExecutionResult(actorId, executionId);
      if (result.byteLength === 0) break;
      results.push(result);
    }
    return { execution, logs, results };
  }

  it.skipIf(skip)(
    'results of 1 byte, 100 KB and exactly 131,072 bytes come back whole and in order',
    async () => {
      const sizes = [1, 100_000, MAX_RESULT_BYTES];
      const { execution, logs, results } = await runWith({ FIXTURE_RESULTS: sizes.join(',') });
      expect(execution, logs).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
      expect(results.map((r) => r.byteLength)).toEqual(sizes);
      results.forEach((r, i) =>
        expect(Buffer.from(r).equals(expectedResult(i, sizes[i]!)), `result ${i}`).toBe(true),
      );
    },
  );

  it.skipIf(skip)(
    'a 131,073-byte result fails in the actor (its send is refused), not in the emulator',
    async () => {
      const sizes = [10, MAX_RESULT_BYTES + 1, 20];
      const { execution, logs, results } = await runWith({
        FIXTURE_RESULTS: sizes.join(','),
        FIXTURE_CAP: '1',
      });
      expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: 4 });
      // the display has no statusMessage (fidelity §2.2); the store keeps the emulator's note, empty here
      expect(on.emu.store.executions.get(execution.id)?.statusMessage).toBe('');
      expect(logs).toMatch(/result 1 \(131073 bytes\) could not be sent: .*(too long|EMSGSIZE)/i);
      expect(results.map((r) => r.byteLength)).toEqual([10, 20]);
      expect((await on.emu.client.get(actorId)).status).toBe('READY');
    },
  );

  it.skipIf(skip)(
    'an oversized datagram that does get through is dropped whole with a note, never cut',
    async () => {
      const { execution, logs, results } = await runWith({ FIXTURE_RESULTS: `${MAX_RESULT_BYTES + 1},5` });
      expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
      expect(logs).toContain('a result of 131073 bytes was dropped');
      expect(results.map((r) => r.byteLength)).toEqual([5]);
      const next = await runWith({ FIXTURE_RESULTS: '3' }); // the emulator carries on
      expect(next.results.map((r) => r.byteLength)).toEqual([3]);
    },
  );
});

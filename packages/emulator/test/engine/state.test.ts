import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorEnvironment,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import {
  bundleStateActor,
  buildStateActorImage,
  STATE_ACTOR_IMAGE,
  type StateActorBundle,
} from './state-actor-image.js';
import { waitForAllFinal, waitForReady } from './wait-for.js';

const COUNT = 50;

describe.each(EXECUTOR_KINDS)('a stateful @actorkit/runtime actor: $title', ({ kind, skip }) => {
  let on: EngineEmulator;
  let bundle: StateActorBundle | undefined;

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'docker') await buildStateActorImage();
    else bundle = await bundleStateActor();
    on = await startEngineEmulator(kind);
  }, 240_000);
  afterAll(async () => {
    await on?.[Symbol.asyncDispose]();
    await bundle?.[Symbol.asyncDispose]();
  });

  it.skipIf(skip)(
    `runs ${COUNT} messages one at a time, in order; execution N+1 sees the state N stored`,
    async () => {
      const { client } = on.emu;
      const env = kind === 'process' ? actorEnvironment(kind, {}, bundle!.entry) : {};
      // token: true, since the default is now false (fidelity §8.6): the actor writes its state through the API
      const actor = await client.add({
        image: STATE_ACTOR_IMAGE,
        stateless: false,
        token: true,
        defaultEnvironment: env,
      });
      await waitForReady(client, actor.id);
      const ids: string[] = [];
      for (let i = 1; i <= COUNT; i += 1) ids.push((await client.sendMessage(actor.id, { i })).executionId);

      const executions = await waitForAllFinal(client, actor.id, ids, 150_000);
      for (const [n, execution] of executions.entries()) {
        const { logs } = await client.getExecutionLogs(actor.id, execution.id);
        expect(execution, logs).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
        expect(logs).toContain(`message ${n + 1} saw last=${n}`);
        const next = executions[n + 1];
        // one at a time: the next one started only after this one finished
        if (next)
          expect(Date.parse(next.startTime!)).toBeGreaterThanOrEqual(Date.parse(execution.finishTime!));
      }
      expect(new Set(executions.map((e) => e.workerId)).size).toBe(1);
      // the state went through the API with each execution's own token: the whole loop
      const { state } = await client.getState(actor.id);
      expect(state).toEqual({
        last: COUNT,
        seen: Array.from({ length: COUNT }, (_, i) => i + 1),
        violations: [],
      });
    },
    180_000,
  );
});

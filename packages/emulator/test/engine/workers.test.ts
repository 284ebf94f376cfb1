import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Execution } from '@actorkit/api';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';
import {
  actorEnvironment,
  EXECUTOR_KINDS,
  startEngineEmulator,
  type EngineEmulator,
} from './engine-emulator.js';
import { countBy, runMarkers, type RunMarkers } from './run-markers.js';
import { waitForAllFinal, waitForReady } from './wait-for.js';

const COUNT = 40;

/** The most executions that ran at the same moment, from their start and finish times. */
function peakConcurrency(executions: Execution[]): number {
  const edges = executions.flatMap((e) => [
    { at: Date.parse(e.startTime!), step: 1 },
    { at: Date.parse(e.finishTime!), step: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step); // a finish before a start at the same instant
  let now = 0;
  let peak = 0;
  for (const edge of edges) peak = Math.max(peak, (now += edge.step));
  return peak;
}

describe.each(EXECUTOR_KINDS)('a stateless actor with maxWorkers 4: $title', ({ kind, skip }) => {
  let on: EngineEmulator;
  let markers: RunMarkers;

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'docker') await buildFixtureImages();
    markers = await runMarkers();
    on = await startEngineEmulator(kind);
  }, 240_000);
  afterAll(async () => {
    await on?.[Symbol.asyncDispose]();
    await markers?.[Symbol.asyncDispose]();
  });

  it.skipIf(skip)(
    `runs ${COUNT} messages on more than one worker, each exactly once`,
    async () => {
      const { client } = on.emu;
      const env = actorEnvironment(kind, { ...markers.env(kind), FIXTURE_LINGER_MS: '300' });
      const actor = await client.add({ image: ACTOR_IMAGE, maxWorkers: 4, defaultEnvironment: env });
      await waitForReady(client, actor.id);
      const sends = Array.from({ length: COUNT }, (_, i) => client.sendMessage(actor.id, `m${i}`));
      const ids = (await Promise.all(sends)).map((s) => s.executionId);

      const executions = await waitForAllFinal(client, actor.id, ids, 120_000);
      expect(executions.map((e) => e.status)).toEqual(ids.map(() => 'COMPLETE'));
      expect(executions.map((e) => e.exitCode)).toEqual(ids.map(() => 0));
      const workers = new Set(executions.map((e) => e.workerId));
      expect(workers.size).toBeGreaterThan(1);
      const peak = peakConcurrency(executions);
      expect(peak).toBeGreaterThan(1);
      expect(peak).toBeLessThanOrEqual(4);

      const marks = await markers.read();
      expect(marks).toHaveLength(COUNT); // no run more, none less
      const perExecution = countBy(marks.map((m) => m.executionId));
      expect(new Set(perExecution.keys())).toEqual(new Set(ids));
      expect([...perExecution.values()].every((n) => n === 1)).toBe(true);
      const byId = new Map(executions.map((e) => [e.id, e]));
      for (const mark of marks) expect(mark.workerId).toBe(byId.get(mark.executionId)?.workerId);
      expect((await client.listExecutions(actor.id)).totalExecutions).toBe(COUNT);
    },
    150_000,
  );
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadActorProject } from '@actorkit/project';
import { ContainerTierError } from '../../src/index.js';
import { checkEngine, containerActor, type ContainerTier } from '../../src/containers.js';
import { PROBE_DIR } from './probe-tier.js';

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('the container tier under concurrent tests'), () => {
  let tier: ContainerTier;
  let shared: ContainerTier;
  beforeAll(async () => {
    engine.require();
    const emulator = inject('actorkitEmulator');
    tier = await containerActor(PROBE_DIR, { emulator });
    const project = await loadActorProject(PROBE_DIR);
    const stateful = { ...project, config: { ...project.config, stateless: false } };
    shared = await containerActor(stateful, { emulator, reuseActor: true });
  });
  afterAll(async () => {
    await tier?.dispose();
    await shared?.dispose();
  });

  describe.concurrent('fresh actors: concurrent tests never share state', () => {
    for (const n of [1, 2, 3]) {
      it(`test ${n} sees only its own state and results`, async ({ expect }) => {
        const run = await tier.invoke({
          message: `run ${n}`,
          state: { n: n * 100 },
          stateless: false,
          env: { PROBE_COUNT: 1 },
        });
        expect(run.state).toEqual({ n: n * 100 + 1 });
        expect(run.resultsJson()).toEqual([{ message: `run ${n}`, env: {}, binaryLength: null }]);
        expect(run.logs).toContain(run.executionId);
      });
    }
  });

  it('reuses one actor when asked: state carries over, invocations run one at a time', async () => {
    const first = await shared.invoke({ env: { PROBE_COUNT: 1 }, state: { n: 10 } });
    expect(first.state).toEqual({ n: 11 });
    const runs = await Promise.all([1, 2, 3].map(() => shared.invoke({ env: { PROBE_COUNT: 1 } })));
    expect(runs.map((r) => r.state)).toEqual([{ n: 12 }, { n: 13 }, { n: 14 }]);
    expect(runs.map((r) => r.stateUpdates)).toEqual([[{ n: 12 }], [{ n: 13 }], [{ n: 14 }]]);
    await expect(shared.invoke({ stateless: true })).rejects.toThrow(ContainerTierError);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ActorsClient } from '@actorkit/api';
import { ContainerTierError, invoke } from '../../src/index.js';
import { checkEngine, containerActor, type ContainerTier } from '../../src/containers.js';
import probe from '../fixtures/probe/src/actor.js';
import { PROBE_DIR } from './probe-tier.js';

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('the container tier: what only a container shows'), () => {
  let tier: ContainerTier;
  let client: ActorsClient;
  beforeAll(async () => {
    engine.require();
    const emulator = inject('actorkitEmulator');
    client = new ActorsClient({
      baseUrl: emulator.url,
      credentials: { kind: 'bearer', token: emulator.token },
    });
    tier = await containerActor(PROBE_DIR, { emulator, timeoutMs: 30_000 });
  });
  afterAll(async () => tier?.dispose());

  it('reads the messages an execution sent to the actors it is told to observe', async () => {
    const target = await client.add({ image: tier.image, name: 'probe-target' });
    try {
      const env = { PROBE_SEND_TO: target.id };
      const run = await tier.invoke({ env, observe: [target.id] });
      expect(run.exitCode).toBe(0);
      const inProcess = await invoke(probe, { env });
      const shape = (r: typeof run) => r.messagesSent.map(({ executionId: _id, ...sent }) => sent);
      expect(shape(run)).toEqual(shape(inProcess));
      expect(shape(run)).toEqual([
        { to: target.id, contentType: 'str', message: 'plain text', environment: { A: '1' } },
        { to: target.id, contentType: 'application/json', message: { job: [1, 2] }, environment: {} },
        {
          to: target.id,
          contentType: 'application/octet-stream',
          message: new Uint8Array([1, 2]),
          environment: {},
        },
      ]);
      const executions = await client.listExecutions(target.id);
      expect(executions.ids.sort()).toEqual(run.messagesSent.map((m) => m.executionId).sort());
    } finally {
      await client.delete(target.id);
    }
  });

  it('says why messagesSent cannot be known when nothing is observed, instead of answering []', async () => {
    const run = await tier.invoke({ message: 'x' });
    expect(() => run.messagesSent).toThrow(ContainerTierError);
    expect(() => run.messagesSent).toThrow(/only for the actors named in `observe`/);
    expect(Object.keys(run)).not.toContain('messagesSent');
  });

  it('force-quits an execution past its timeout; it ends with the engine’s exit code', async () => {
    const started = performance.now();
    const run = await tier.invoke({ env: { PROBE_SLEEP_MS: 60_000 }, timeoutMs: 1500 });
    expect(run.exitCode).toBe(137);
    expect(run.results).toEqual([]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('refuses what the service would refuse, or what cannot reach a container, with the reason', async () => {
    await expect(tier.invoke({ binary: new Uint8Array(0) })).rejects.toThrow(/the binary message is empty/);
    await expect(tier.invoke({ state: { n: 1 } })).rejects.toThrow(/`state` was given for a stateless actor/);
    await expect(tier.invoke({ env: { _abaco_actor_id: 'x' } })).rejects.toThrow(TypeError);
    await expect(tier.invoke({ env: { 'x-nonce': 'x' } })).rejects.toThrow(/the service reads itself/);
    await expect(tier.invoke({ message: 'x', binary: new Uint8Array(1) })).rejects.toThrow(/not both/);
    expect((await client.list()).filter((a) => a.name === 'probe')).toEqual([]);
  });

  it('registers the actor without a token when asked, as the service would', async () => {
    const run = await tier.invoke({ token: false, env: { PROBE_NONCES: 1 } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/_abaco_access_token: is empty/);
  });
});

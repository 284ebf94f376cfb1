import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { PRIVILEGED_DISABLED } from '../../src/domain/actor-request.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';
import { skipWithoutEngine } from '../docker/engine.js';
import { startEngineEmulator, type EngineEmulator } from '../engine/engine-emulator.js';
import { ACTOR_IMAGE, buildFixtureImages } from '../executor/fixture-images.js';

const NOT_PRIVILEGED_USER = 'Not authorized -- only admins and privileged users can make privileged actors.';

describe('privileged actors without --allow-privileged', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('refuses an admin registering a privileged actor, saying how to allow it, and stores nothing', async () => {
    const res = await raw(emu, 'POST', '/actors/v2', {
      token: USERS.admin.token,
      json: { image: 'img/root-on-host', privileged: true },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe(PRIVILEGED_DISABLED);
    expect(res.json?.message).toContain('--allow-privileged');
    expect((await emu.client.list()).some((a) => a.image === 'img/root-on-host')).toBe(false);
  });

  it('refuses an update that makes an actor privileged, and keeps the actor as it was', async () => {
    const actor = await emu.client.add({ image: 'img/plain' });
    const res = await raw(emu, 'PUT', `/actors/v2/${actor.id}`, {
      token: USERS.admin.token,
      json: { image: 'img/plain', privileged: true },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe(PRIVILEGED_DISABLED);
    expect((await emu.client.get(actor.id)).privileged).toBe(false);
  });

  it("answers a plain user with the service's text first (the role check runs before the opt-in)", async () => {
    const res = await raw(emu, 'POST', '/actors/v2', {
      token: USERS.alice.token,
      json: { image: 'img/x', privileged: true },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe(NOT_PRIVILEGED_USER);
  });
});

describe.skipIf(skipWithoutEngine)('privileged actors with --allow-privileged, in Docker', () => {
  let engine: EngineEmulator;
  beforeAll(async () => {
    await buildFixtureImages();
    engine = await startEngineEmulator('docker', {}, { allowPrivileged: true });
  }, 120_000);
  afterAll(async () => engine?.[Symbol.asyncDispose]());

  /** Runs one message; answers the execution's stored record and the fixture's echo (FIXTURE_READ_FILE's text). */
  async function run(
    privileged: boolean,
  ): Promise<{ status: string; statusMessage: string; file: string | null }> {
    const { emu } = engine;
    const actor = await emu.client.add({
      image: ACTOR_IMAGE,
      privileged,
      defaultEnvironment: { FIXTURE_ECHO: '1', FIXTURE_READ_FILE: '/proc/self/status' },
    });
    const { executionId } = await emu.client.sendMessage(actor.id, 'who am i');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const e = await emu.client.getExecution(actor.id, executionId);
      if (e.status === 'COMPLETE' || e.status === 'ERROR') break;
      if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const stored = emu.store.executions.get(executionId);
    const logs = await emu.client.getExecutionLogs(actor.id, executionId);
    const line = logs.logs.split('\n').find((l) => l.startsWith('{'));
    const echo = JSON.parse(line ?? '{"file": null}') as { file: string | null };
    return { status: stored?.status ?? '', statusMessage: stored?.statusMessage ?? '', file: echo.file };
  }

  const capEff = (status: string | null) =>
    BigInt(`0x${/CapEff:\s*([0-9a-f]+)/.exec(status ?? '')?.[1] ?? '0'}`);
  const SYS_ADMIN = 21n;

  it("runs a plain actor with Docker's default capabilities (no CAP_SYS_ADMIN)", async () => {
    const plain = await run(false);
    expect(plain.status).toBe('COMPLETE');
    expect((capEff(plain.file) >> SYS_ADMIN) & 1n).toBe(0n);
  }, 120_000);

  it('asks the engine for a privileged container: every capability, or the engine says why it cannot grant them', async () => {
    const privileged = await run(true);
    if (privileged.status === 'COMPLETE') {
      expect((capEff(privileged.file) >> SYS_ADMIN) & 1n).toBe(1n);
    } else {
      // A sandboxed engine (its own bounding set short of a capability) refuses --privileged at start: the refusal
      // shows the container was asked for every capability, which a plain actor never is.
      expect(privileged.statusMessage).toMatch(/apply caps|privileged/i);
    }
  }, 120_000);
});

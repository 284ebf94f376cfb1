import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import {
  checkEngine,
  containerActor,
  startEmulator,
  type ContainerTier,
  type TestEmulator,
} from '@actorkit/testing/containers';
import fanOut from './actor.js';

describe('fan-out, in process', () => {
  it('sends one message per item to the target, with the reply nonce in their environment', async () => {
    const run = await invoke(fanOut, {
      message: { items: ['a.csv', 'b.csv', { path: 'c.csv' }] },
      env: { FAN_OUT_TARGET: 'workers' },
      actorId: 'FANOUT0000001',
      executionId: 'PARENTEXEC001',
    });
    expect(run.exitCode).toBe(0);
    const [nonce] = run.noncesCreated;
    expect(nonce).toMatchObject({ level: 'EXECUTE', maxUses: 3, remainingUses: 3, actorId: 'FANOUT0000001' });
    expect(run.messagesSent.map((m) => [m.to, m.contentType, m.message])).toEqual([
      ['workers', 'application/json', { item: 'a.csv', index: 0, of: 3 }],
      ['workers', 'application/json', { item: 'b.csv', index: 1, of: 3 }],
      ['workers', 'application/json', { item: { path: 'c.csv' }, index: 2, of: 3 }],
    ]);
    for (const sent of run.messagesSent) {
      expect(sent.environment).toEqual({
        FAN_OUT_PARENT: 'FANOUT0000001',
        FAN_OUT_EXECUTION: 'PARENTEXEC001',
        REPLY_NONCE: nonce?.id,
      });
    }
    expect(run.resultsJson()).toEqual([
      { sent: run.messagesSent.map((m) => m.executionId), nonce: nonce?.id, maxUses: 3 },
    ]);
  });

  it('prefers the target the message names', async () => {
    const run = await invoke(fanOut, {
      message: { target: 'other', items: [1] },
      env: { FAN_OUT_TARGET: 'workers' },
    });
    expect(run.messagesSent.map((m) => m.to)).toEqual(['other']);
  });

  it('fails without a target, before sending anything', async () => {
    const run = await invoke(fanOut, { message: { items: [1] } });
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toMatch(/no target actor/);
    expect(run.messagesSent).toEqual([]);
    expect(run.noncesCreated).toEqual([]);
  });

  it('rejects an empty job with exit code 2', async () => {
    const run = await invoke(fanOut, { message: { items: [] }, env: { FAN_OUT_TARGET: 'w' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/- items: /);
  });

  it('needs a token: an actor registered with token: false cannot fan out', async () => {
    const run = await invoke(fanOut, { message: { items: [1] }, env: { FAN_OUT_TARGET: 'w' }, token: false });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/_abaco_access_token: is empty/);
  });

  it('fans out its dev-loop fixture to the default target', async () => {
    const message: unknown = JSON.parse(
      await readFile(new URL('../fixtures/three-files.json', import.meta.url), 'utf8'),
    );
    const run = await invoke(fanOut, { message, env: { FAN_OUT_TARGET: 'hello' } });
    expect(run.exitCode).toBe(0);
    expect(run.messagesSent.map((m) => m.to)).toEqual(['hello', 'hello', 'hello']);
  });
});

const engine = await checkEngine();

describe.skipIf(engine.skip)(engine.title('fan-out, in a container through its own emulator'), () => {
  let emulator: TestEmulator;
  let tier: ContainerTier;
  beforeAll(async () => {
    engine.require();
    emulator = await startEmulator();
    tier = await containerActor(fileURLToPath(new URL('..', import.meta.url)), { emulator });
  });
  afterAll(async () => {
    await tier?.dispose();
    await emulator?.dispose();
  });

  it('sends one message per item to the actor an alias names, seen through `observe`', async () => {
    // any image will do as the target: only the messages queued on it are looked at
    const target = await emulator.client.add({ image: tier.image, name: 'workers' });
    await emulator.client.addAlias({ alias: 'workers', actorId: target.id });
    const run = await tier.invoke({
      message: { items: ['a.csv', 'b.csv'] },
      env: { FAN_OUT_TARGET: 'workers' },
      observe: ['workers'],
    });
    expect(run.exitCode).toBe(0);
    const [nonce] = run.noncesCreated;
    expect(nonce).toMatchObject({ level: 'EXECUTE', maxUses: 2, remainingUses: 2, owner: 'testuser' });
    // in a container `to` is the actor's id: the alias was resolved by the service
    expect(run.messagesSent.map((m) => [m.to, m.contentType, m.message])).toEqual([
      [target.id, 'application/json', { item: 'a.csv', index: 0, of: 2 }],
      [target.id, 'application/json', { item: 'b.csv', index: 1, of: 2 }],
    ]);
    for (const sent of run.messagesSent) {
      expect(sent.environment).toMatchObject({ FAN_OUT_EXECUTION: run.executionId, REPLY_NONCE: nonce?.id });
    }
    expect(run.resultsJson()).toEqual([
      { sent: run.messagesSent.map((m) => m.executionId), nonce: nonce?.id, maxUses: 2 },
    ]);
  });
});

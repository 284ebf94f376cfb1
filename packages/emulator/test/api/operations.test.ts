import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { ActorsClient, ApiFlavour } from '@actorkit/api';
import type { RunningEmulator } from '../../src/index.js';
import { clientAs, startTestEmulator, USERS } from './fixture.js';

const FLAVOURS: ApiFlavour[] = ['v2', 'v3', 'root'];

describe.each(FLAVOURS)('the seed operations through ActorsClient on the %s base', (flavour) => {
  let emu: RunningEmulator;
  let client: ActorsClient;
  beforeAll(async () => {
    emu = await startTestEmulator();
    client = clientAs(emu, flavour, USERS.admin.token);
  });
  afterAll(() => emu.dispose());

  it('list, add, get, update, delete', async () => {
    const added = await client.add({
      image: 'abacosamples/py3_func',
      name: 'ops',
      defaultEnvironment: { K: 'v' },
    });
    expect(added.id).toMatch(/^[A-Za-z0-9]{13}$/);
    expect(added.status).toBe('SUBMITTED');
    expect(added.owner).toBe(USERS.admin.name);
    expect(added.createTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await client.list()).map((a) => a.id)).toContain(added.id);
    expect((await client.get(added.id)).defaultEnvironment).toEqual({ K: 'v' });
    const updated = await client.update(added.id, { image: 'abacosamples/py3_func:2', description: 'new' });
    expect(updated.revision).toBe(2);
    expect(updated.description).toBe('new');
    expect(await client.delete(added.id)).toBe('');
    await expect(client.get(added.id)).rejects.toMatchObject({ status: 404 });
  });

  it('getMessages, sendMessage, sendBinaryMessage', async () => {
    const actor = await client.add({ image: 'img/messages' });
    const sent = await client.sendMessage(actor.id, 'hello', { COLOUR: 'red' });
    expect(sent.executionId).toMatch(/^[A-Za-z0-9]{13}$/);
    expect(sent.msg).toBe('hello');
    const binary = await client.sendBinaryMessage(actor.id, new Uint8Array([0, 1, 2, 255]));
    expect((await client.getMessages(actor.id)).messages).toBe(2);
    const queued = emu.mailbox.queued(actor.id);
    expect(queued.map((m) => m.contentType)).toEqual(['str', 'application/octet-stream']);
    expect(queued[0]?.env).toEqual({ COLOUR: 'red' });
    expect([...(queued[1]?.body ?? [])]).toEqual([0, 1, 2, 255]);
    expect((await client.getExecution(actor.id, binary.executionId)).status).toBe('SUBMITTED');
  });

  it('getState, updateState', async () => {
    const actor = await client.add({ image: 'img/state', stateless: false });
    expect((await client.getState(actor.id)).state).toEqual({});
    await client.updateState(actor.id, { count: 3, nested: { some_key: true } });
    expect((await client.getState(actor.id)).state).toEqual({ count: 3, nested: { some_key: true } });
  });

  it('getPermissions, updatePermissions', async () => {
    const actor = await client.add({ image: 'img/perms' });
    expect(await client.getPermissions(actor.id)).toEqual({ [USERS.admin.name]: 'UPDATE' });
    const after = await client.updatePermissions(actor.id, { user: USERS.alice.name, level: 'READ' });
    expect(after).toEqual({ [USERS.admin.name]: 'UPDATE', [USERS.alice.name]: 'READ' });
  });

  it('addWorker, listWorkers, getWorker, deleteWorker', async () => {
    const actor = await client.add({ image: 'img/workers' });
    expect(await client.addWorker(actor.id, { num: 2 })).toBeNull(); // the service answers result: null
    const workers = await client.listWorkers(actor.id);
    expect(workers.map((w) => w.status)).toEqual(['REQUESTED', 'REQUESTED']);
    expect(workers.map((w) => w.chName)).toEqual(workers.map((w) => `worker_${w.id}`));
    const first = workers[0]!;
    expect((await client.getWorker(actor.id, first.id)).id).toBe(first.id);
    await client.deleteWorker(actor.id, first.id);
    expect((await client.listWorkers(actor.id)).map((w) => w.id)).not.toContain(first.id);
  });

  it('addNonce, listNonces, getNonce, deleteNonce', async () => {
    const actor = await client.add({ image: 'img/nonces' });
    const nonce = await client.addNonce(actor.id, { level: 'READ', maxUses: 5, description: 'ci' });
    expect(nonce.id).toMatch(/^DEV-DEVELOP_[A-Za-z0-9]{13}$/);
    expect(nonce).toMatchObject({
      actorId: actor.id,
      level: 'READ',
      maxUses: 5,
      currentUses: 0,
      remainingUses: 5,
    });
    expect((await client.listNonces(actor.id)).map((n) => n.id)).toEqual([nonce.id]);
    expect((await client.getNonce(actor.id, nonce.id)).description).toBe('ci');
    await client.deleteNonce(actor.id, nonce.id);
    await expect(client.getNonce(actor.id, nonce.id)).rejects.toMatchObject({
      status: 400,
      serverMessage: /^Nonce not found\./,
    });
  });

  it('listExecutions, addExecution, getExecution, getOneExecutionResult, getExecutionLogs', async () => {
    const actor = await client.add({ image: 'img/executions' });
    const added = await client.addExecution(actor.id, { runtime: 1500, cpu: 20, io: 8 });
    expect(added.status).toBe('COMPLETE');
    const { executionId } = await client.sendMessage(actor.id, 'x');
    const summary = await client.listExecutions(actor.id);
    expect(summary.ids).toEqual([added.id, executionId]);
    expect(summary).toMatchObject({ totalExecutions: 2, totalCpu: 20, totalIo: 8, totalRuntime: 1500 });
    expect((await client.listExecutions(actor.id, 1, 1)).ids).toEqual([executionId]);
    expect((await client.getExecution(actor.id, added.id)).runtime).toBe(1500);
    emu.store.appendLog(executionId, 'line one\n');
    emu.store.pushResult(executionId, new Uint8Array([7, 8]));
    emu.store.pushResult(executionId, new Uint8Array([9]));
    expect((await client.getExecutionLogs(actor.id, executionId)).logs).toBe('line one\n');
    expect([...(await client.getOneExecutionResult(actor.id, executionId))]).toEqual([7, 8]);
    expect([...(await client.getOneExecutionResult(actor.id, executionId))]).toEqual([9]);
    expect((await client.getOneExecutionResult(actor.id, executionId)).length).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCase } from '@actorkit/api';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';
import {
  getResult,
  keysOf,
  RUNNABLE_IMAGE,
  startRunningEmulator,
  until,
  type RunningEmulatorWithExecutor,
} from './running-emulator.js';

// fidelity.md §8.2 (workers), §2.2 (worker display keeps tenant), §9.2 (unknown worker: 404).
const token = USERS.admin.token;
const CID = /^[0-9a-f]{64}$/;

const WORKER_KEYS = {
  camel: [
    'cid',
    'chName',
    'createTime',
    'hostId',
    'hostIp',
    'id',
    'image',
    'lastExecutionTime',
    'lastHealthCheckTime',
    'location',
    'status',
    'tenant',
  ],
  snake: [
    'cid',
    'ch_name',
    'create_time',
    'host_id',
    'host_ip',
    'id',
    'image',
    'last_execution_time',
    'last_health_check_time',
    'location',
    'status',
    'tenant',
  ],
} as const;

describe.each(['camel', 'snake'] as const)(
  'workers as the service shows them (%s case)',
  (keyCase: KeyCase) => {
    const k = (camel: string, snake: string) => (keyCase === 'camel' ? camel : snake);
    let running: RunningEmulatorWithExecutor;
    let emu: RunningEmulator;

    beforeAll(async () => {
      running = await startRunningEmulator(keyCase);
      emu = running.emu;
    });
    afterAll(() => running[Symbol.asyncDispose]());

    async function readyWorkers(actorId: string, count = 1): Promise<Record<string, unknown>[]> {
      return until(async () => {
        const list = (await getResult(emu, `/actors/v2/${actorId}/workers`)) as unknown as Record<
          string,
          unknown
        >[];
        return list.length === count && list.every((w) => w['status'] === 'READY') ? list : undefined;
      }, `${count} READY worker(s)`);
    }

    it('shows a READY worker with its own cid, chName, host, tenant and times; no actorId, no _links', async () => {
      const actor = await emu.client.add({ image: RUNNABLE_IMAGE });
      const [worker] = await readyWorkers(actor.id);
      expect(keysOf(worker)).toEqual([...WORKER_KEYS[keyCase]].sort());
      const id = worker!['id'] as string;
      expect(worker).toMatchObject({ image: RUNNABLE_IMAGE, tenant: 'DEV-DEVELOP', status: 'READY' });
      expect(worker!['cid']).toMatch(CID);
      expect(worker![k('chName', 'ch_name')]).toBe(`worker_${id}`);
      expect(worker![k('lastExecutionTime', 'last_execution_time')]).toBe('None');
      for (const time of [k('createTime', 'create_time'), k('lastHealthCheckTime', 'last_health_check_time')])
        expect(worker![time]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
      for (const host of ['location', k('hostId', 'host_id'), k('hostIp', 'host_ip')])
        expect(typeof worker![host]).toBe('string');
      const single = await raw(emu, 'GET', `/actors/v2/${actor.id}/workers/${id}`, { token });
      expect(single.json?.result).toEqual(worker);
    });

    it("turns the workers list into a search of this actor's workers on any parameter", async () => {
      const actor = await emu.client.add({ image: RUNNABLE_IMAGE });
      const [worker] = await readyWorkers(actor.id);
      await readyWorkers((await emu.client.add({ image: RUNNABLE_IMAGE })).id); // another actor's worker
      const res = await raw(emu, 'GET', `/actors/v2/${actor.id}/workers?status=READY`, { token });
      expect(res.json?.message).toBe('Workers search completed successfully.');
      const result = res.json?.result as { search: { id: string }[] };
      expect(result).toHaveProperty('_metadata');
      expect(result.search.map((w) => w.id)).toEqual([worker!['id']]);
    });

    it("keeps the worker's cid through its executions, and records when it last ran one", async () => {
      const actor = await emu.client.add({ image: RUNNABLE_IMAGE });
      const [before] = await readyWorkers(actor.id);
      const { executionId } = await emu.client.sendMessage(actor.id, 'run');
      const after = await until(async () => {
        const w = await getResult(emu, `/actors/v2/${actor.id}/workers/${String(before!['id'])}`);
        return w[k('lastExecutionTime', 'last_execution_time')] !== 'None' && w['status'] === 'READY'
          ? w
          : undefined;
      }, 'the worker READY after its execution');
      expect(after['cid']).toBe(before!['cid']);
      expect(after['cid']).not.toContain(executionId);
    });

    it('gives a stateful actor the extra workers an admin asks for, and they all run', async () => {
      running.holdExecutions();
      try {
        const actor = await emu.client.add({ image: RUNNABLE_IMAGE, stateless: false });
        await readyWorkers(actor.id, 1);
        const res = await raw(emu, 'POST', `/actors/v2/${actor.id}/workers`, { token, json: { num: 2 } });
        expect(res.json).toMatchObject({
          result: null,
          message: 'Scheduled 1 new worker(s) to start. Previously, there were 1 workers.',
        });
        const workers = await readyWorkers(actor.id, 2);
        const ids = await Promise.all(
          ['a', 'b'].map(async (m) => (await emu.client.sendMessage(actor.id, m)).executionId),
        );
        const both = await until(async () => {
          const es = await Promise.all(ids.map((id) => emu.client.getExecution(actor.id, id)));
          return es.every((e) => e.status === 'RUNNING') ? es : undefined;
        }, 'both executions RUNNING at once');
        expect(new Set(both.map((e) => e.workerId))).toEqual(new Set(workers.map((w) => w['id'])));
        for (const id of ids) await raw(emu, 'DELETE', `/actors/v2/${actor.id}/executions/${id}`, { token });
      } finally {
        running.executor.script = async () => 0;
      }
    });
  },
);

describe.each(['camel', 'snake'] as const)('the workers API (%s case)', (keyCase: KeyCase) => {
  let emu: RunningEmulator;
  let actorId: string;
  beforeAll(async () => {
    emu = await startTestEmulator({ keyCase }); // nothing runs: workers stay REQUESTED
    actorId = (await emu.client.add({ image: 'img/workers' })).id;
    await emu.client.updatePermissions(actorId, { user: USERS.alice.name, level: 'UPDATE' });
  });
  afterAll(() => emu.dispose());

  it("lets only admins add workers, with the service's text", async () => {
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/workers`, {
      token: USERS.alice.token,
      json: { num: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe('Not authorized -- only admins are authorized to update workers.');
  });

  it('answers result null, saying how many it scheduled or that there were enough', async () => {
    const post = (num: number) => raw(emu, 'POST', `/actors/v2/${actorId}/workers`, { token, json: { num } });
    const first = await post(2);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      status: 'success',
      result: null,
      message: 'Scheduled 2 new worker(s) to start. Previously, there were 0 workers.',
    });
    expect((await post(1)).json).toMatchObject({
      result: null,
      message: `Actor ${actorId} already had 1 worker(s).`,
    });
    expect((await post(3)).json?.message).toBe(
      'Scheduled 1 new worker(s) to start. Previously, there were 2 workers.',
    );
  });

  it('shows a REQUESTED worker: null fields left out in camel case, kept as null in snake case', async () => {
    const [worker] = (await getResult(emu, `/actors/v2/${actorId}/workers`)) as unknown as Record<
      string,
      unknown
    >[];
    expect(worker!['status']).toBe('REQUESTED');
    expect(worker![keyCase === 'camel' ? 'chName' : 'ch_name']).toBe(`worker_${String(worker!['id'])}`);
    expect(worker![keyCase === 'camel' ? 'lastExecutionTime' : 'last_execution_time']).toBe('None');
    const unset =
      keyCase === 'camel'
        ? ['cid', 'location', 'hostId', 'hostIp']
        : ['cid', 'location', 'host_id', 'host_ip'];
    for (const key of unset) {
      if (keyCase === 'camel') expect(worker).not.toHaveProperty(key);
      else expect(worker![key]).toBeNull();
    }
    for (const absent of ['actorId', 'actor_id', '_links', 'lastExecution', 'last_execution'])
      expect(worker).not.toHaveProperty(absent);
  });

  it.each(['GET', 'DELETE'])(
    'answers %s of an unknown worker with 404 "Worker not found."',
    async (method) => {
      const res = await raw(emu, method, `/actors/v2/${actorId}/workers/NoSuchWorker1`, { token });
      expect(res.status).toBe(404);
      expect(res.json?.message).toBe('Worker not found.');
    },
  );

  it('deletes a worker: result null, "Worker scheduled to be stopped."', async () => {
    const [worker] = await emu.client.listWorkers(actorId);
    const res = await raw(emu, 'DELETE', `/actors/v2/${actorId}/workers/${worker!.id}`, { token });
    expect(res.json).toMatchObject({
      status: 'success',
      result: null,
      message: 'Worker scheduled to be stopped.',
    });
    expect((await emu.client.listWorkers(actorId)).map((w) => w.id)).not.toContain(worker!.id);
  });
});

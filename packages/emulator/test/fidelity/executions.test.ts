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

// fidelity.md §2.2 (execution display), §2.4 (executions summary), §2.5 (times, links), §8.4 (force-quit),
// §9.2 (not-found codes), §7.7 (the seed's paging kept on the executions list).
const token = USERS.admin.token;
/** `display_time`: ISO without offset; a fraction only when there are milliseconds, `000` replaced by `Z`. */
const DISPLAY_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.[0-9Z]+)?$/;

const KEYS = {
  camel: {
    execution: ['_links', 'actorId', 'apiServer', 'cpu', 'executor', 'exitCode', 'finishTime', 'id', 'io'],
    executionRest: ['messageReceivedTime', 'runtime', 'startTime', 'status', 'workerId'],
    summary: [
      '_links',
      'actorId',
      'apiServer',
      'executions',
      'owner',
      'totalCpu',
      'totalExecutions',
      'totalIo',
      'totalRuntime',
    ],
    brief: ['finishTime', 'id', 'messageReceivedTime', 'startTime', 'status'],
  },
  snake: {
    execution: [
      '_links',
      'actor_id',
      'api_server',
      'cpu',
      'executor',
      'exit_code',
      'final_state',
      'finish_time',
    ],
    executionRest: ['id', 'io', 'message_received_time', 'runtime', 'start_time', 'status', 'worker_id'],
    summary: [
      '_links',
      'actor_id',
      'api_server',
      'executions',
      'owner',
      'total_cpu',
      'total_executions',
      'total_io',
      'total_runtime',
    ],
    brief: ['finish_time', 'id', 'message_received_time', 'start_time', 'status'],
  },
} as const;

describe.each(['camel', 'snake'] as const)(
  'executions as the service shows them (%s case)',
  (keyCase: KeyCase) => {
    const keys = KEYS[keyCase];
    let running: RunningEmulatorWithExecutor;
    let emu: RunningEmulator;
    let actorId: string;
    let finished: string[];

    async function finishedExecution(id: string): Promise<Record<string, unknown>> {
      return until(async () => {
        const e = await getResult(emu, `/actors/v2/${actorId}/executions/${id}`);
        return e['status'] === 'COMPLETE' ? e : undefined;
      }, `execution ${id} COMPLETE`);
    }

    beforeAll(async () => {
      running = await startRunningEmulator(keyCase);
      emu = running.emu;
      actorId = (await emu.client.add({ image: RUNNABLE_IMAGE })).id;
      finished = [];
      for (const text of ['one', 'two']) {
        const { executionId } = await emu.client.sendMessage(actorId, text);
        await finishedExecution(executionId);
        finished.push(executionId);
      }
    });
    afterAll(() => running[Symbol.asyncDispose]());

    it('shows an execution with apiServer and without owner, statusMessage or tenant', async () => {
      const e = await finishedExecution(finished[0]!);
      // the fake run leaves no Docker state: camel case drops the null finalState, snake case keeps it
      expect(keysOf(e)).toEqual([...keys.execution, ...keys.executionRest].sort());
      expect(e[keyCase === 'camel' ? 'apiServer' : 'api_server']).toBe(emu.url);
      expect(e[keyCase === 'camel' ? 'actorId' : 'actor_id']).toBe(actorId);
      expect(e['executor']).toBe(USERS.admin.name);
      if (keyCase === 'snake') expect(e['final_state']).toBeNull();
      for (const k of keyCase === 'camel'
        ? ['startTime', 'finishTime', 'messageReceivedTime']
        : ['start_time', 'finish_time', 'message_received_time']) {
        expect(e[k]).toMatch(DISPLAY_TIME);
      }
    });

    it('builds the execution links on {api_server}/actors/v2, whatever base the request used', async () => {
      const id = finished[0]!;
      const e = await getResult(emu, `/v3/actors/${actorId}/executions/${id}`);
      const self = `${emu.url}/actors/v2/${actorId}/executions/${id}`;
      expect(e['_links']).toEqual({
        self,
        owner: `${emu.url}/profiles/v2/${USERS.admin.name}`,
        logs: `${self}/logs`,
      });
    });

    it('summarises the executions exactly as ExecutionsSummary.display, without ids', async () => {
      const res = await raw(emu, 'GET', `/actors/v2/${actorId}/executions`, { token });
      expect(res.json?.message).toBe('Actor executions retrieved successfully.');
      const summary = res.json?.result as Record<string, unknown>;
      expect(keysOf(summary)).toEqual([...keys.summary].sort());
      expect(summary[keyCase === 'camel' ? 'totalExecutions' : 'total_executions']).toBe(2);
      expect(summary['owner']).toBe(USERS.admin.name);
      expect(summary['_links']).toEqual({
        self: `${emu.url}/actors/v2/${actorId}/executions`,
        owner: `${emu.url}/profiles/v2/${USERS.admin.name}`,
      });
      const executions = summary['executions'] as Record<string, unknown>[];
      expect(executions.map((e) => e['id'])).toEqual(finished);
      for (const e of executions) {
        expect(keysOf(e)).toEqual([...keys.brief].sort());
        expect(e[keyCase === 'camel' ? 'startTime' : 'start_time']).toMatch(DISPLAY_TIME);
      }
    });

    it("keeps the seed's limit/offset paging on the executions list", async () => {
      const page = await getResult(emu, `/actors/v2/${actorId}/executions?limit=1&offset=1`);
      expect((page['executions'] as { id: string }[]).map((e) => e.id)).toEqual([finished[1]]);
      expect(page[keyCase === 'camel' ? 'totalExecutions' : 'total_executions']).toBe(2);
    });

    it("turns into a search of this actor's executions, and of this execution's logs, on other parameters", async () => {
      const other = (await emu.client.add({ image: RUNNABLE_IMAGE })).id;
      await emu.client.sendMessage(other, 'elsewhere');
      const res = await raw(emu, 'GET', `/actors/v2/${actorId}/executions?status=COMPLETE`, { token });
      expect(res.json?.message).toBe('Executions search completed successfully.');
      const result = res.json?.result as { search: { id: string }[] };
      expect(result).toHaveProperty('_metadata');
      expect(result.search.map((e) => e.id).sort()).toEqual([...finished].sort());
      const logsPath = `/actors/v2/${actorId}/executions/${finished[0]}/logs?logs.like=x`;
      const logs = await raw(emu, 'GET', logsPath, { token });
      expect(logs.json?.message).toBe('Logs search completed successfully.');
      expect(logs.json?.result).toHaveProperty('_metadata');
    });

    it("gives the client the seed's ids, derived from the executions", async () => {
      const summary = await emu.client.listExecutions(actorId);
      expect(summary.ids).toEqual(finished);
    });

    it('answers the logs with links to themselves, the owner and the execution', async () => {
      const id = finished[1]!;
      emu.store.appendLog(id, 'a line\n');
      const res = await raw(emu, 'GET', `/actors/v2/${actorId}/executions/${id}/logs`, { token });
      expect(res.json?.message).toBe('Logs retrieved successfully.');
      const execution = `${emu.url}/actors/v2/${actorId}/executions/${id}`;
      expect(res.json?.result).toEqual({
        logs: 'a line\n',
        _links: { self: `${execution}/logs`, owner: `${emu.url}/profiles/v2/${USERS.admin.name}`, execution },
      });
    });

    it.each([
      ['GET', ''],
      ['DELETE', ''],
      ['GET', '/logs'],
      ['GET', '/results'],
    ])("answers %s of an unknown execution%s with the service's 400", async (method, tail) => {
      const res = await raw(emu, method, `/actors/v2/${actorId}/executions/NoSuchExecutn${tail}`, { token });
      expect(res.status).toBe(400);
      expect(res.json?.status).toBe('error');
      expect(res.json?.message).toBe(
        `No executions found with actor id of ${actorId} and execution id of NoSuchExecutn.`,
      );
    });

    it('refuses to force-quit an execution that is not RUNNING, saying its status', async () => {
      const res = await raw(emu, 'DELETE', `/actors/v2/${actorId}/executions/${finished[0]}`, { token });
      expect(res.status).toBe(400);
      expect(res.json?.message).toBe(
        'Cannot force quit an execution not in RUNNING status. Execution was found in status: COMPLETE',
      );
    });

    it("force-quits a RUNNING execution: result null and the service's text", async () => {
      running.holdExecutions();
      const { executionId } = await emu.client.sendMessage(actorId, 'hold');
      await until(async () => {
        const e = await getResult(emu, `/actors/v2/${actorId}/executions/${executionId}`);
        return e['status'] === 'RUNNING' ? e : undefined;
      }, 'the execution RUNNING');
      const res = await raw(emu, 'DELETE', `/actors/v2/${actorId}/executions/${executionId}`, { token });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        status: 'success',
        result: null,
        message: `Issued force quit command for execution ${executionId}.`,
      });
      await finishedExecution(executionId);
    });
  },
);

describe('an execution not yet run', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator(); // nothing runs: the message stays queued, its execution SUBMITTED
  });
  afterAll(() => emu.dispose());

  it('shows "None" for the times not reached, and leaves the null fields out in camel case', async () => {
    const actor = await emu.client.add({ image: 'img/queued' });
    const { executionId } = await emu.client.sendMessage(actor.id, 'wait');
    const e = await getResult(emu, `/actors/v2/${actor.id}/executions/${executionId}`);
    expect(e).toMatchObject({ status: 'SUBMITTED', startTime: 'None', finishTime: 'None' });
    expect(e['messageReceivedTime']).toMatch(DISPLAY_TIME);
    for (const absent of ['workerId', 'exitCode', 'finalState', 'owner', 'statusMessage', 'tenant'])
      expect(e).not.toHaveProperty(absent);
  });

  it('reads "None" times as null through the client', async () => {
    const actor = await emu.client.add({ image: 'img/queued-client' });
    const { executionId } = await emu.client.sendMessage(actor.id, 'wait');
    const e = await emu.client.getExecution(actor.id, executionId);
    expect(e).toMatchObject({ status: 'SUBMITTED', startTime: null, finishTime: null, workerId: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCase } from '@actorkit/api';
import type { RunningEmulator, WorkerPool } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';

// fidelity.md §2.4 (messages, purge), §9.3 (synchronous refusal, privileged keys), §9.5 (multipart message).
const token = USERS.admin.token;

/** A pool that runs nothing (messages stay queued) but answers synchronous sends at once. */
const queueingPool: WorkerPool = {
  runsExecutions: true,
  actorCreated: async () => {},
  actorUpdated: async () => {},
  actorDeleted: async () => {},
  workersAdded: async () => {},
  workerDeleted: async () => {},
  messageQueued: () => {},
  awaitExecution: async (execution) => ({
    body: new TextEncoder().encode(`ran ${execution.id}`),
    contentType: 'application/octet-stream',
  }),
};

describe.each(['camel', 'snake'] as const)(
  'the mailbox as the service answers it (%s case)',
  (keyCase: KeyCase) => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startTestEmulator({ keyCase, workerPool: queueingPool });
    });
    afterAll(() => emu.dispose());

    /** A new actor with `queued` messages waiting. */
    async function actorWith(queued: number): Promise<{ id: string }> {
      const actor = await emu.client.add({ image: 'img/mailbox' });
      for (let i = 0; i < queued; i++) await emu.client.sendMessage(actor.id, `m${i}`);
      return actor;
    }

    const links = (actorId: string) => ({
      self: `${emu.url}/actors/v2/${actorId}/messages`,
      owner: `${emu.url}/profiles/v2/${USERS.admin.name}`,
    });

    it('counts the mailbox: {messages, _links{self, owner}}, "The request was successful"', async () => {
      const actor = await actorWith(2);
      const res = await raw(emu, 'GET', `/v3/actors/${actor.id}/messages`, { token });
      expect(res.json?.message).toBe('The request was successful');
      expect(res.json?.result).toEqual({ messages: 2, _links: links(actor.id) });
    });

    it('purges the mailbox: {msg: "Actor mailbox purged.", _links{self, owner}}', async () => {
      const actor = await actorWith(2);
      const res = await raw(emu, 'DELETE', `/actors/v2/${actor.id}/messages`, { token });
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('The request was successful');
      expect(res.json?.result).toEqual({ msg: 'Actor mailbox purged.', _links: links(actor.id) });
      expect((await emu.client.getMessages(actor.id)).messages).toBe(0);
    });

    it('answers a send with the execution id, the message and three links', async () => {
      const actor = await actorWith(0);
      const res = await raw(emu, 'POST', `/actors/v2/${actor.id}/messages`, {
        token,
        json: { message: 'hi' },
      });
      expect(res.json?.message).toBe('The request was successful');
      const result = res.json?.result as Record<string, unknown>;
      const idKey = keyCase === 'camel' ? 'executionId' : 'execution_id';
      expect(Object.keys(result).sort()).toEqual(['_links', idKey, 'msg'].sort());
      const executionId = result[idKey] as string;
      expect(result['msg']).toBe('hi');
      expect(result['_links']).toEqual({
        self: `${emu.url}/actors/v2/${actor.id}/executions/${executionId}`,
        owner: `${emu.url}/profiles/v2/${USERS.admin.name}`,
        messages: `${emu.url}/actors/v2/${actor.id}/messages`,
      });
    });

    it('accepts a synchronous send with 3 messages queued', async () => {
      const actor = await actorWith(3);
      const res = await raw(emu, 'POST', `/actors/v2/${actor.id}/messages?_abaco_synchronous=true`, {
        token,
        json: { message: 'now' },
      });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^ran /);
    });

    it("refuses a synchronous send with more than 3 messages queued, with the service's text", async () => {
      const actor = await actorWith(4);
      const res = await raw(emu, 'POST', `/actors/v2/${actor.id}/messages?_abaco_synchronous=true`, {
        token,
        json: { message: 'now' },
      });
      expect(res.status).toBe(400);
      expect(res.json?.message).toMatch(/^Cannot issue synchronous execution when actor message queue > 0\./);
      expect((await emu.client.getMessages(actor.id)).messages).toBe(4);
    });
  },
);

describe('message bodies', () => {
  let emu: RunningEmulator;
  let actorId: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    actorId = (await emu.client.add({ image: 'img/bodies' })).id;
    for (const user of [USERS.alice.name, USERS.priv.name])
      await emu.client.updatePermissions(actorId, { user, level: 'EXECUTE' });
  });
  afterAll(() => emu.dispose());

  it('reads a multipart/form-data message field as a str message (curl -F message=...)', async () => {
    const form = new FormData();
    form.append('message', 'from a form, with ünïcode');
    const res = await fetch(`${emu.url}/actors/v2/${actorId}/messages?K=v`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { executionId: string; msg: unknown } };
    expect(result.msg).toBe('from a form, with ünïcode');
    const queued = emu.mailbox.queued(actorId).find((m) => m.executionId === result.executionId);
    expect(queued?.contentType).toBe('str');
    expect(queued?.body.toString('utf8')).toBe('from a form, with ünïcode');
    expect(queued?.env).toEqual({ K: 'v' });
  });

  it('skips file parts: a form with only a file has no message', async () => {
    const form = new FormData();
    form.append('message', new Blob(['file content']), 'message.txt');
    const res = await fetch(`${emu.url}/actors/v2/${actorId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(400);
  });

  it('answers a malformed multipart body with a 400 saying so', async () => {
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="message"\r\n\r\nno closing boundary',
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toMatch(/multipart\/form-data body is malformed/);
  });

  it.each([
    [
      { privileged: true, a: 1 },
      'Not authorized -- only admins and privileged users can make privileged actors.',
    ],
    [{ max_workers: 3 }, 'Not authorized -- only admins and privileged users can set max workers.'],
    [{ maxCpus: 5 }, 'Not authorized -- only admins and privileged users can set max CPUs.'],
    [{ mem_limit: '1g' }, 'Not authorized -- only admins and privileged users can set mem limit.'],
    [{ queue: 'special' }, 'Not authorized -- only admins and privileged users can set queue.'],
  ])("refuses a plain user's JSON message with a truthy privileged key: %j", async (body, text) => {
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token: USERS.alice.token,
      json: body,
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe(text);
  });

  it('accepts the same keys when falsy, and from a privileged user', async () => {
    const plain = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token: USERS.alice.token,
      json: { maxWorkers: 0, privileged: false, queue: '' },
    });
    expect(plain.status).toBe(200);
    const privileged = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token: USERS.priv.token,
      json: { privileged: true, maxWorkers: 3 },
    });
    expect(privileged.status).toBe(200);
  });
});

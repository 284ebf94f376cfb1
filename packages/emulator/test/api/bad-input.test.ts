import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from './fixture.js';

const token = USERS.admin.token;

describe('bad input answers a 4xx envelope that says what to fix', () => {
  let emu: RunningEmulator;
  let actorId: string;
  beforeAll(async () => {
    emu = await startTestEmulator({ maxBodyBytes: 2048, maxBinaryBytes: 1024 });
    actorId = (await emu.client.add({ image: 'img/bad', stateless: false })).id;
  });
  afterAll(() => emu.dispose());

  function expectError(res: Awaited<ReturnType<typeof raw>>, status: number, message: RegExp): void {
    expect(res.status, res.text).toBe(status);
    expect(res.json).toMatchObject({ result: null, status: 'error' });
    expect(res.json?.message).toMatch(message);
    expect(res.json?.version).toBeTruthy();
  }

  it('bad paging', async () => {
    expectError(await raw(emu, 'GET', '/actors/v2?limit=-1', { token }), 400, /limit must be an integer/);
    expectError(
      await raw(emu, 'GET', `/actors/v2/${actorId}/executions?offset=99999999999999999999`, { token }),
      400,
      /offset must be an integer from 0 to 2147483647/,
    );
    expectError(
      await raw(emu, 'GET', `/actors/v2/${actorId}/executions?offset=x`, { token }),
      400,
      /offset must be an integer/,
    );
  });

  it('JSON nested too deep for any real state', async () => {
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, {
      token,
      body: '['.repeat(1000) + ']'.repeat(1000),
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, /nests more than 200 levels deep/);
    const fine = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, {
      token,
      json: { a: { b: [1, [2]] } },
    });
    expect(fine.status).toBe(200);
  });

  it('more workers at once than the cap', async () => {
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/workers`, { token, json: { num: 200000 } });
    expectError(res, 400, /num may be at most 50/);
  });

  it('malformed JSON', async () => {
    const res = await raw(emu, 'POST', '/actors/v2', {
      token,
      body: '{"image": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, /not valid JSON/);
  });

  it.each([
    ['stateless', { image: 'x', stateless: 'banana' }, /stateless: .*boolean/],
    ['maxWorkers', { image: 'x', maxWorkers: 'many' }, /maxWorkers/],
    ['defaultEnvironment', { image: 'x', defaultEnvironment: 'K=v' }, /defaultEnvironment/],
    ['image (missing)', { name: 'no image' }, /image/],
    ['image (wrong type)', { image: 42 }, /image: .*string/],
    ['hints', { image: 'x', hints: ['say "hi"'] }, /hints.*quotes or brackets/],
    ['logEx', { image: 'x', logEx: -5 }, /logEx.*positive/],
    [
      'cronSchedule unit',
      { image: 'x', cronSchedule: 'now + 1 fortnight' },
      /^fortnight is an invalid unit of time/,
    ],
    [
      'cronSchedule in the past',
      { image: 'x', cronSchedule: '2001-01-01 10 + 1 day' },
      /^The starting datetime is old\./,
    ],
    [
      'cronSchedule shape',
      { image: 'x', cronSchedule: 'every day' },
      /^The cron is not in the correct format/,
    ],
    ['maxWorkers on a stateful actor', { image: 'x', stateless: false, maxWorkers: 2 }, /stateful/],
    [
      'a privileged field from a plain user',
      { image: 'x', privileged: true },
      /^Not authorized -- only admins and privileged users can make privileged actors\./,
    ],
  ])('wrong %s', async (_field, body, message) => {
    const userToken = String(_field).startsWith('a privileged') ? USERS.alice.token : token;
    expectError(await raw(emu, 'POST', '/actors/v2', { token: userToken, json: body }), 400, message);
  });

  it('wrong types in form bodies name the field', async () => {
    const body = new URLSearchParams({ image: 'x', maxWorkers: 'lots' });
    expectError(await raw(emu, 'POST', '/v3/actors', { token, body }), 400, /maxWorkers/);
    const nonce = new URLSearchParams({ level: 'SUPER' });
    expectError(await raw(emu, 'POST', `/v3/actors/${actorId}/nonces`, { token, body: nonce }), 400, /level/);
    const uses = new URLSearchParams({ maxUses: '0' });
    expectError(
      await raw(emu, 'POST', `/v3/actors/${actorId}/nonces`, { token, body: uses }),
      400,
      /^The max uses parameter must be a positive integer or -1/,
    );
  });

  it.each([
    [
      'actor (asked by an admin)',
      (): string => '/actors/v2/NoSuchActor12',
      404,
      /^No actor found with identifier: NoSuchActor12\./,
    ],
    ['nonce', (): string => `/actors/v2/${actorId}/nonces/DEV-DEVELOP_nope`, 400, /^Nonce not found\./],
    ['alias', (): string => '/actors/v2/aliases/no.such.alias', 404, /^No alias found: no\.such\.alias\./],
  ] as const)("unknown %s: the service's answer", async (_what, path, status, message) => {
    expectError(await raw(emu, 'GET', path(), { token }), status, message);
  });

  it('unknown worker: 404 "Worker not found."', async () => {
    const path = `/actors/v2/${actorId}/workers/NoSuchWorker1`;
    expectError(await raw(emu, 'GET', path, { token }), 404, /^Worker not found\.$/);
  });

  it.each([
    ['execution', (): string => `/actors/v2/${actorId}/executions/NoSuchExec123`],
    ['execution logs', (): string => `/actors/v2/${actorId}/executions/NoSuchExec123/logs`],
  ])("unknown %s: the service's 400", async (_what, path) => {
    const res = await raw(emu, 'GET', path(), { token });
    expectError(res, 400, /^No executions found/);
    expect(res.json?.message).toBe(
      `No executions found with actor id of ${actorId} and execution id of NoSuchExec123.`,
    );
  });

  it.each([
    ['actor', (): string => `/actors/v2/${'a'.repeat(500)}`, 404, /^No actor found with identifier/],
    [
      'execution',
      (): string => `/actors/v2/${actorId}/executions/${'e'.repeat(500)}`,
      400,
      /^No executions found with actor id of/,
    ],
    ['nonce', (): string => `/actors/v2/${actorId}/nonces/${'n'.repeat(300)}`, 400, /^Nonce not found\./],
    [
      'malformed actor id',
      (): string => '/actors/v2/bad%20id%3B',
      404,
      /^No actor found with identifier: bad id;\./,
    ],
    ['broken percent-encoding', (): string => '/actors/v2/%E0%A4%A', 400, /percent-encoding/],
    [
      'broken percent-encoding in an execution id',
      () => `/actors/v2/${actorId}/executions/%ZZ`,
      400,
      /percent-encoding/,
    ],
  ] as const)('over-long or malformed %s id: a 4xx, never a 500', async (_what, path, status, message) => {
    expectError(await raw(emu, 'GET', path(), { token }), status, message);
  });

  it('a binary message without Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    const res = await fetch(`${emu.url}/actors/v2/${actorId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/needs a Content-Length/);
  });

  it('bodies over the caps: 413 saying the cap and how to raise it', async () => {
    const big = { image: 'x', description: 'd'.repeat(4096) };
    expectError(
      await raw(emu, 'POST', '/actors/v2', { token, json: big }),
      413,
      /2048-byte cap.*--max-body-bytes/,
    );
    const bytes = new Uint8Array(2000);
    const res = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expectError(res, 413, /1024-byte cap for binary messages.*--max-binary-bytes/);
  });

  it('a message with nothing usable, and state for a stateless actor', async () => {
    const text = await raw(emu, 'POST', `/actors/v2/${actorId}/messages`, {
      token,
      body: 'hi',
      headers: { 'content-type': 'text/plain' },
    });
    expectError(text, 400, /no message/);
    const stateless = await emu.client.add({ image: 'img/stateless' });
    expectError(
      await raw(emu, 'POST', `/actors/v2/${stateless.id}/state`, { token, json: { a: 1 } }),
      404,
      /^actor is stateless\.$/,
    );
  });

  it('a stateful actor cannot become stateless', async () => {
    const res = await raw(emu, 'PUT', `/actors/v2/${actorId}`, {
      token,
      json: { image: 'img/bad', stateless: true },
    });
    expectError(res, 400, /an actor that was not stateless cannot be updated to be stateless\./);
  });

  it("wrong method and unknown route: 405 with the service's text; outside the bases: 404; OPTIONS: 200", async () => {
    const patch = await raw(emu, 'PATCH', `/actors/v2/${actorId}/state`, { token });
    expectError(
      patch,
      405,
      /^Invalid request: the API endpoint does not exist or the provided HTTP method is not allowed\./,
    );
    expect(patch.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expectError(
      await raw(emu, 'GET', `/actors/v2/${actorId}/nothing/here`, { token }),
      405,
      /^Invalid request: the API endpoint does not exist/,
    );
    expectError(await raw(emu, 'GET', '/elsewhere'), 404, /no route/);
    const options = await raw(emu, 'OPTIONS', `/v3/actors/${actorId}/messages`);
    expect(options.status).toBe(200);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect(options.headers.get('allow')).toContain('DELETE');
  });
});

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
    ['cronSchedule unit', { image: 'x', cronSchedule: 'now + 1 fortnight' }, /unit "fortnight" is unknown/],
    ['cronSchedule in the past', { image: 'x', cronSchedule: '2001-01-01 10 + 1 day' }, /starts in the past/],
    ['cronSchedule shape', { image: 'x', cronSchedule: 'every day' }, /is not a schedule/],
    ['maxWorkers on a stateful actor', { image: 'x', stateless: false, maxWorkers: 2 }, /stateful/],
    ['a privileged field from a plain user', { image: 'x', privileged: true }, /privileged may only be set/],
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
      /maxUses/,
    );
  });

  it.each([
    ['actor', () => '/actors/v2/NoSuchActor12'],
    ['worker', () => `/actors/v2/${actorId}/workers/NoSuchWorker1`],
    ['nonce', () => `/actors/v2/${actorId}/nonces/DEV-DEVELOP_nope`],
    ['execution', () => `/actors/v2/${actorId}/executions/NoSuchExec123`],
    ['execution logs', () => `/actors/v2/${actorId}/executions/NoSuchExec123/logs`],
    ['alias', () => '/actors/v2/aliases/no.such.alias'],
  ])('unknown %s: 404', async (_what, path) => {
    expectError(await raw(emu, 'GET', path(), { token }), 404, /no |has no /);
  });

  it.each([
    ['actor', () => `/actors/v2/${'a'.repeat(500)}`],
    ['execution', () => `/actors/v2/${actorId}/executions/${'e'.repeat(500)}`],
    ['nonce', () => `/actors/v2/${actorId}/nonces/${'n'.repeat(300)}`],
    ['malformed actor id', () => '/actors/v2/bad%20id%3B'],
    ['broken percent-encoding', () => '/actors/v2/%E0%A4%A'],
    ['broken percent-encoding in an execution id', () => `/actors/v2/${actorId}/executions/%ZZ`],
  ])('over-long or malformed %s id: 400', async (_what, path) => {
    expectError(await raw(emu, 'GET', path(), { token }), 400, /is not a valid|percent-encoding/);
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
      400,
      /stateless/,
    );
  });

  it('a stateful actor cannot become stateless', async () => {
    const res = await raw(emu, 'PUT', `/actors/v2/${actorId}`, {
      token,
      json: { image: 'img/bad', stateless: true },
    });
    expectError(res, 400, /cannot become stateless/);
  });

  it('wrong method: 405 with Allow; unknown route: 404; OPTIONS: 200 with CORS', async () => {
    const patch = await raw(emu, 'PATCH', `/actors/v2/${actorId}/state`, { token });
    expectError(patch, 405, /PATCH is not allowed/);
    expect(patch.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expectError(await raw(emu, 'GET', `/actors/v2/${actorId}/nothing/here`, { token }), 404, /no route/);
    expectError(await raw(emu, 'GET', '/elsewhere'), 404, /no route/);
    const options = await raw(emu, 'OPTIONS', `/v3/actors/${actorId}/messages`);
    expect(options.status).toBe(200);
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
    expect(options.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});

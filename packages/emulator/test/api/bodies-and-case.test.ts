import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from './fixture.js';

const token = USERS.admin.token;

describe('request bodies: JSON, forms and either key case', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('registers an actor from form fields, and from JSON sent as a form (curl -d)', async () => {
    const form = new URLSearchParams({
      image: 'img/form',
      stateless: 'false',
      defaultEnvironment: '{"K":"v"}',
      hints: 'a,b',
    });
    const res = await raw(emu, 'POST', '/actors/v2', { token, body: form });
    expect(res.status, res.text).toBe(200);
    expect(res.json?.result).toMatchObject({
      image: 'img/form',
      stateless: false,
      defaultEnvironment: { K: 'v' },
      hints: ['a', 'b'],
    });
    const curl = await raw(emu, 'POST', '/actors/v2', {
      token,
      body: '{"image": "img/curl", "name": "c"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(curl.json?.result).toMatchObject({ image: 'img/curl', name: 'c' });
  });

  it('accepts snake_case request keys and leaves environment keys alone', async () => {
    const res = await raw(emu, 'POST', '/v3/actors', {
      token,
      json: {
        image: 'img/snake',
        default_environment: { my_key: 'v', OtherKey: 'w' },
        use_container_uid: true,
        log_ex: 60,
      },
    });
    expect(res.json?.result).toMatchObject({
      defaultEnvironment: { my_key: 'v', OtherKey: 'w' },
      useContainerUid: true,
      logEx: 60,
    });
    const id = (res.json?.result as { id: string }).id;
    const nonce = await raw(emu, 'POST', `/v3/actors/${id}/nonces`, {
      token,
      json: { max_uses: 3, level: 'read' },
    });
    expect(nonce.json?.result).toMatchObject({ maxUses: 3, level: 'READ', remainingUses: 3 });
  });

  it('reads the three message forms in the contract order, with query parameters as environment', async () => {
    const actor = await emu.client.add({ image: 'img/forms' });
    const path = `/actors/v2/${actor.id}/messages?LEVEL=3&x-nonce-not=1`;
    await raw(emu, 'POST', path, { token, json: { message: 'as str' } });
    await raw(emu, 'POST', path, { token, body: new URLSearchParams({ message: 'form str' }) });
    await raw(emu, 'POST', path, { token, json: { k: 'v', n: null } });
    await raw(emu, 'POST', path, {
      token,
      body: new Uint8Array([9, 8]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    await raw(emu, 'POST', `/actors/v2/${actor.id}/messages?message=from%20query`, { token });
    const curlForm = { 'content-type': 'application/x-www-form-urlencoded' }; // curl -d '{...}' without -H
    await raw(emu, 'POST', `/actors/v2/${actor.id}/messages`, {
      token,
      body: '{"curl": 1.0}',
      headers: curlForm,
    });
    const queued = emu.mailbox.queued(actor.id);
    expect(queued.map((m) => [m.contentType, m.body.toString('latin1')])).toEqual([
      ['str', 'as str'],
      ['str', 'form str'],
      ['application/json', '{"k":"v","n":null}'],
      ['application/octet-stream', '\u0009\u0008'],
      ['str', 'from query'],
      ['application/json', '{"curl": 1.0}'], // the text as sent: MSG is written from it
    ]);
    expect(queued[0]?.env).toEqual({ LEVEL: '3', 'x-nonce-not': '1' });
    expect(queued[4]?.env).toEqual({});
  });

  it('updates state with any JSON value, form fields included', async () => {
    const actor = await emu.client.add({ image: 'img/state', stateless: false });
    await raw(emu, 'POST', `/actors/v2/${actor.id}/state`, { token, json: 'abc' });
    expect((await emu.client.getState(actor.id)).state).toBe('abc');
    await raw(emu, 'POST', `/actors/v2/${actor.id}/state`, {
      token,
      body: new URLSearchParams({ state: 'form' }),
    });
    expect((await emu.client.getState(actor.id)).state).toEqual({ state: 'form' });
  });

  it('purges the mailbox: the purged executions become ERROR saying so', async () => {
    const actor = await emu.client.add({ image: 'img/purge' });
    const { executionId } = await emu.client.sendMessage(actor.id, 'a');
    await emu.client.sendMessage(actor.id, 'b');
    const res = await raw(emu, 'DELETE', `/actors/v2/${actor.id}/messages`, { token });
    expect(res.json?.result).toMatchObject({ msg: 'Actor mailbox purged.' });
    expect((await emu.client.getMessages(actor.id)).messages).toBe(0);
    expect((await emu.client.getExecution(actor.id, executionId)).status).toBe('ERROR');
    // the execution display has no statusMessage (fidelity §2.2); the store keeps why
    expect(emu.store.executions.get(executionId)?.statusMessage).toMatch(/purged/);
  });

  it('computes cronNextEx and keeps cronOn', async () => {
    const res = await raw(emu, 'POST', '/actors/v2', {
      token,
      json: { image: 'img/cron', cron_schedule: '2099-05-01 13 + 2 weeks' },
    });
    expect(res.json?.result).toMatchObject({
      cronSchedule: '2099-05-01 13 + 2 weeks',
      cronOn: true,
      cronNextEx: '2099-05-01 13',
    });
  });
});

describe('--case snake', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ keyCase: 'snake' });
  });
  afterAll(() => emu.dispose());

  it('answers snake_case keys, user data untouched, and the client still reads it', async () => {
    const res = await raw(emu, 'POST', '/actors/v2', {
      token,
      json: { image: 'img/s', defaultEnvironment: { myVar: '1' } },
    });
    const result = res.json?.result as Record<string, unknown>;
    expect(result).toMatchObject({
      default_environment: { myVar: '1' },
      use_container_uid: false,
      status_message: '',
    });
    expect(result).toHaveProperty('create_time');
    expect(result).not.toHaveProperty('createTime');
    const sent = await raw(emu, 'POST', `/actors/v2/${String(result['id'])}/messages`, {
      token,
      json: { message: 'x' },
    });
    expect(sent.json?.result).toHaveProperty('execution_id');
    const actor = await emu.client.get(String(result['id']));
    expect(actor.defaultEnvironment).toEqual({ myVar: '1' });
  });
});

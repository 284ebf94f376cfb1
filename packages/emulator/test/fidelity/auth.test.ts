import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';
import { actorOf, ADMIN_ROLE, call, caller, jwt, ok } from './auth-fixture.js';

// fidelity.md §9.1 (authentication), §10 (v3 tokens).
const NO_CREDENTIALS = 'No JWT or nonce provided.';
const ADMIN_REQUIRED = 'Abaco Admin role required.';
const MISSING_ROLE = 'Not authorized -- missing required role.';
const T = 'DEV';
const alice = caller(T, 'alice');
const admin = caller(T, 'root', ADMIN_ROLE);

describe('authentication and the role rules', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ trustJwt: true });
  });
  afterAll(() => emu.dispose());

  it.each([
    ['GET', '/actors/v2'],
    ['POST', '/actors/v2'],
    ['GET', '/v3/actors/aliases'],
    ['GET', '/actors/someactor/messages'],
  ])('answers %s %s without credentials with 400 "No JWT or nonce provided."', async (method, path) => {
    const res = await raw(emu, method, path);
    expect(res.status).toBe(400);
    expect(res.json?.status).toBe('error');
    expect(res.json?.message.startsWith(NO_CREDENTIALS), res.text).toBe(true);
  });

  it.each([
    ['a header that is not a JWT', { 'x-jwt-assertion-dev': 'garbage' }],
    ['a JWT whose claims are not JSON', { 'x-jwt-assertion-dev': 'e30.bm90IGpzb24.c2ln' }],
    [
      'a JWT that names no user',
      { 'x-jwt-assertion-dev': jwt({ 'http://wso2.org/claims/role': ADMIN_ROLE }) },
    ],
    ['an unreadable v3 token', { 'x-tapis-token': 'not-a-jwt' }],
  ])('answers %s as if there were no credentials', async (_what, headers) => {
    const res = await raw(emu, 'GET', '/actors/v2', { headers });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith(NO_CREDENTIALS), res.text).toBe(true);
  });

  it('falls back to a nonce when the JWT cannot be read', async () => {
    const id = await actorOf(emu, alice);
    const nonce = await ok<{ id: string }>(
      call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'READ' } }),
    );
    const res = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${nonce.id}`, {
      headers: { 'x-jwt-assertion-dev': 'garbage' },
    });
    expect(res.status, res.text).toBe(200);
  });

  it('keeps its own answer to an unknown bearer token (401)', async () => {
    const res = await raw(emu, 'GET', '/actors/v2', { token: 'nobody-knows-this-token' });
    expect(res.status).toBe(401);
  });

  it('refuses a v2 JWT without any Abaco role', async () => {
    const nobody = caller(T, 'nobody', 'Internal/everyone', 'Internal/subscriber');
    for (const [method, path] of [
      ['GET', '/actors/v2'],
      ['POST', '/actors/v2/aliases'],
    ] as const) {
      const res = await call(emu, nobody, method, path, method === 'POST' ? { json: {} } : {});
      expect(res.status, path).toBe(400);
      expect(res.json?.message.startsWith(MISSING_ROLE), res.text).toBe(true);
    }
  });

  it('accepts every Abaco role', async () => {
    for (const role of ['user', 'limited', 'privileged', 'admin']) {
      const who = caller(T, `r-${role}`, 'Internal/everyone', `Internal/abaco-${role}`);
      expect((await call(emu, who, 'GET', '/actors/v2')).status, role).toBe(200);
    }
  });

  it('lets a v3 token without Abaco roles act as a plain user', async () => {
    const token = jwt({ 'tapis/username': 'tuser', 'tapis/tenant_id': 'tacc' });
    const res = await raw(emu, 'POST', '/v3/actors', {
      headers: { 'x-tapis-token': token },
      json: { image: 'img/v3' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json?.result).toMatchObject({ owner: 'tuser' });
  });

  it('refuses a non-admin any path containing "admin", an alias or actor name included', async () => {
    const id = await actorOf(emu, alice);
    // the alias is created through a path without "admin"; every route that names it is an admin path
    await ok(
      call(emu, alice, 'POST', '/actors/v2/aliases', { json: { alias: 'sysadmin-bot', actorId: id } }),
    );
    for (const path of [
      '/actors/v2/aliases/sysadmin-bot',
      '/actors/v2/aliases/sysadmin-bot/permissions',
      '/actors/v2/sysadmin-bot/state',
      '/actors/v2/badminton',
    ]) {
      const res = await call(emu, alice, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.json?.message.startsWith(ADMIN_REQUIRED), res.text).toBe(true);
    }
    const viaToken = await raw(emu, 'GET', '/actors/v2/aliases/sysadmin-bot', { token: USERS.alice.token });
    expect(viaToken.json?.message.startsWith(ADMIN_REQUIRED)).toBe(true);
    // an admin reaches them
    expect(await ok(call(emu, admin, 'GET', '/actors/v2/aliases/sysadmin-bot'))).toMatchObject({
      actorId: id,
    });
    expect(await ok(call(emu, admin, 'GET', '/actors/v2/sysadmin-bot/state'))).toMatchObject({ state: {} });
  });

  it('does not look for "admin" in the query string', async () => {
    const id = await actorOf(emu, alice);
    const res = await call(emu, alice, 'GET', `/actors/v2/${id}/state?note=admin`);
    expect(res.status, res.text).toBe(200);
  });

  it('takes the tenant from the v2 header name and the user without @carbon.super', async () => {
    const who = caller('SD2E', 'jdoe');
    const created = await ok<{ id: string; owner: string }>(
      call(emu, who, 'POST', '/actors/v2', { json: { image: 'img/tenant' } }),
    );
    expect(created.owner).toBe('jdoe');
    const nonce = await ok<{ id: string }>(
      call(emu, who, 'POST', `/actors/v2/${created.id}/nonces`, { json: {} }),
    );
    expect(nonce.id.startsWith('SD2E_')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';

// fidelity.md §1 (routing), §9.6/§10 (envelope), §1.2 (utilization).
const NO_ROUTE =
  'Invalid request: the API endpoint does not exist or the provided HTTP method is not allowed.';
const token = USERS.admin.token;

describe('routing as the service routes', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('merges doubled slashes before routing, for GET, with no redirect', async () => {
    const created = await raw(emu, 'POST', '/actors', { token, json: { image: 'img/slashes' } });
    const id = (created.json?.result as { id: string }).id;
    const res = await raw(emu, 'GET', `//actors//${id}`, { token });
    expect(res.status).toBe(200);
    expect((res.json?.result as { id: string }).id).toBe(id);
    expect(res.headers.get('location')).toBeNull();
  });

  it('merges doubled slashes for POST and keeps the body', async () => {
    const res = await raw(emu, 'POST', '//actors', { token, json: { image: 'img/posted-through-slashes' } });
    expect(res.status).toBe(200);
    expect((res.json?.result as { image: string }).image).toBe('img/posted-through-slashes');
  });

  it('merges doubled slashes under the v2 base, and leaves the query string alone', async () => {
    const res = await raw(emu, 'GET', '/actors//v2?limit=5&offset=0', { token });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json?.result)).toBe(true);
  });

  it('answers 405 with the service text for a wrong method on a known route', async () => {
    const res = await raw(emu, 'PATCH', '/actors', { token });
    expect(res.status).toBe(405);
    expect(res.json?.message.startsWith(NO_ROUTE)).toBe(true);
    expect(res.json?.status).toBe('error');
  });

  it('answers 405 with the service text for an unknown route under the actors base', async () => {
    const res = await raw(emu, 'GET', '/actors/v2/abc/def/ghi/jkl', { token });
    expect(res.status).toBe(405);
    expect(res.json?.message.startsWith(NO_ROUTE)).toBe(true);
  });

  it('answers the 405 before looking at credentials', async () => {
    const res = await raw(emu, 'PATCH', '/actors/v2');
    expect(res.status).toBe(405);
    expect(res.json?.message.startsWith(NO_ROUTE)).toBe(true);
  });

  it('keeps a 404 for paths outside every actors base', async () => {
    const res = await raw(emu, 'GET', '/nothing/here', { token });
    expect(res.status).toBe(404);
  });

  it('serves only the admin app routes on paths that begin with admin', async () => {
    const res = await raw(emu, 'GET', '/actors/adminbot/messages', { token });
    expect(res.status).toBe(405);
    expect(res.json?.message.startsWith(NO_ROUTE)).toBe(true);
    const perms = await raw(emu, 'GET', '/actors/adminbot/permissions', { token });
    expect(perms.status).not.toBe(405);
  });

  it('answers utilization with its four fixed keys', async () => {
    const res = await raw(emu, 'GET', '/actors/utilization', { token });
    expect(res.status).toBe(200);
    expect(res.json?.message).toBe('Abaco utilization returned successfully.');
    expect(Object.keys(res.json?.result as object).sort()).toEqual(
      ['commandQueue', 'currentActors', 'totalActors', 'workers'].sort(),
    );
  });

  it('adds metadata {} to the envelope under /v3/actors only', async () => {
    const v3 = await raw(emu, 'GET', '/v3/actors', { token });
    expect(v3.json).toMatchObject({ metadata: {} });
    const v2 = await raw(emu, 'GET', '/actors/v2', { token });
    expect(v2.json).not.toHaveProperty('metadata');
  });
});

describe('utilization keys in snake case', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ keyCase: 'snake' });
  });
  afterAll(() => emu.dispose());

  it('keeps the camel keys of utilization whatever the case setting', async () => {
    const res = await raw(emu, 'GET', '/actors/utilization', { token });
    expect(res.json?.result).toHaveProperty('currentActors');
    expect(res.json?.result).toHaveProperty('commandQueue');
  });
});

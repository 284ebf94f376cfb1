import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { startTestEmulator, USERS } from '../api/fixture.js';
import { plainRequest } from './http-request.js';

const auth = { authorization: `Bearer ${USERS.admin.token}` };

describe('browser origins and host names (default policy)', () => {
  let emu: RunningEmulator;
  let own: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    own = new URL(emu.url).host;
  });
  afterAll(() => emu.dispose());

  it('refuses a preflight from a foreign origin, naming --cors-origin', async () => {
    const res = await plainRequest(emu.url, 'OPTIONS', '/actors/v2', {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.json?.message).toContain('--cors-origin https://evil.example');
  });

  it('refuses a cross-origin POST before it registers anything', async () => {
    const before = (await emu.client.list()).length;
    const res = await plainRequest(
      emu.url,
      'POST',
      '/actors/v2',
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      'image=evil/privileged&privileged=true',
    );
    expect(res.status).toBe(403);
    expect((await emu.client.list()).length).toBe(before);
  });

  it('refuses the origin "null" (sandboxed frames, files)', async () => {
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, origin: 'null' });
    expect(res.status).toBe(403);
  });

  it('serves its own origin and answers CORS for it, never a wildcard', async () => {
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, origin: `http://${own}` });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(`http://${own}`);
  });

  it('serves requests without an Origin (curl, scripts, containers)', async () => {
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', auth);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a Host that is not a name of the emulator (DNS rebinding), naming --allowed-host', async () => {
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, host: 'evil.example:8000' });
    expect(res.status).toBe(403);
    expect(res.json?.message).toContain('--allowed-host evil.example');
  });

  it('answers to localhost, to IP literals and to names under .localhost', async () => {
    for (const host of ['localhost:1', '127.0.0.1:1', '[::1]:1', '10.0.0.5', 'box.localhost']) {
      const res = await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, host });
      expect(res.status, host).toBe(200);
    }
  });
});

describe('browser origins and host names allowed by flags', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({
      corsOrigins: ['http://localhost:3000'],
      allowedHosts: ['actors.dev.example'],
    });
  });
  afterAll(() => emu.dispose());

  it('serves an origin given with --cors-origin, and answers its preflight', async () => {
    const preflight = await plainRequest(emu.url, 'OPTIONS', '/actors/v2', {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'POST',
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', {
      ...auth,
      origin: 'http://localhost:3000',
    });
    expect(res.status).toBe(200);
  });

  it('still refuses other origins', async () => {
    const res = await plainRequest(emu.url, 'GET', '/actors/v2', {
      ...auth,
      origin: 'http://localhost:3001',
    });
    expect(res.status).toBe(403);
  });

  it('answers to a host name given with --allowed-host, and to no other', async () => {
    expect(
      (await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, host: 'actors.dev.example' })).status,
    ).toBe(200);
    expect(
      (await plainRequest(emu.url, 'GET', '/actors/v2', { ...auth, host: 'other.example' })).status,
    ).toBe(403);
  });
});

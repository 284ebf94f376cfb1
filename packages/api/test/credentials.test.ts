import { describe, expect, it } from 'vitest';
import { ActorsClient, type Credentials } from '../src/index.js';
import { envelope, FakeServer } from './fake-server.js';
import { messageResponse, state } from './fixtures-camel.js';

async function headersFor(credentials: Credentials, headers?: Record<string, string>) {
  await using server = await FakeServer.start();
  server.reply(envelope(state));
  await new ActorsClient({ baseUrl: server.origin, credentials, headers }).getState('a');
  return server.last;
}

const AUTH_HEADERS = ['authorization', 'x-tapis-token', 'x-jwt-assertion-dev'];

describe('credentials', () => {
  it('sends a bearer token as Authorization', async () => {
    const { headers } = await headersFor({ kind: 'bearer', token: 'tok-1' });
    expect(headers.authorization).toBe('Bearer tok-1');
    expect(headers['x-tapis-token']).toBeUndefined();
  });

  it('sends a v2 JWT under X-Jwt-Assertion-<TENANT>', async () => {
    const { headers } = await headersFor({ kind: 'jwt', jwt: 'h.p.s', tenant: 'SD2E' });
    expect(headers['x-jwt-assertion-sd2e']).toBe('h.p.s');
    expect(headers.authorization).toBeUndefined();
  });

  it('spells a tenant with underscores with dashes, and defaults the tenant to dev', async () => {
    expect(
      (await headersFor({ kind: 'jwt', jwt: 'j', tenant: 'DEV_STAGING' })).headers[
        'x-jwt-assertion-dev-staging'
      ],
    ).toBe('j');
    expect((await headersFor({ kind: 'jwt', jwt: 'j' })).headers['x-jwt-assertion-dev']).toBe('j');
  });

  it('uses a JWT header name given explicitly', async () => {
    const { headers } = await headersFor({ kind: 'jwt', jwt: 'j', headerName: 'X-Jwt-Assertion-Tacc-Prod' });
    expect(headers['x-jwt-assertion-tacc-prod']).toBe('j');
  });

  it('sends a v3 token as X-Tapis-Token', async () => {
    const { headers } = await headersFor({ kind: 'tapis', token: 'v3-jwt' });
    expect(headers['x-tapis-token']).toBe('v3-jwt');
    expect(headers.authorization).toBeUndefined();
  });

  it('presents a nonce as the x-nonce query parameter and no header', async () => {
    const request = await headersFor({ kind: 'nonce', nonce: 'DEV_abc123' });
    expect(request.query).toEqual({ 'x-nonce': 'DEV_abc123' });
    for (const name of AUTH_HEADERS) expect(request.headers[name]).toBeUndefined();
  });

  it('sends no credentials when given none, and extra headers when asked', async () => {
    const request = await headersFor({ kind: 'none' }, { 'X-Request-Tag': 'abc' });
    for (const name of AUTH_HEADERS) expect(request.headers[name]).toBeUndefined();
    expect(request.headers['x-request-tag']).toBe('abc');
    expect(request.headers.accept).toBe('application/json');
  });
});

describe('message environment', () => {
  it('travels as query parameters next to the nonce', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(messageResponse));
    const client = new ActorsClient({
      baseUrl: server.origin,
      credentials: { kind: 'nonce', nonce: 'DEV_n' },
    });
    await client.sendMessage('a', { k: 1 }, { DEBUG: true, RETRIES: 3, WHO: 'jane doe & co' });
    expect(server.last.query).toEqual({
      DEBUG: 'true',
      RETRIES: '3',
      WHO: 'jane doe & co',
      'x-nonce': 'DEV_n',
    });
    expect(JSON.parse(server.last.body.toString())).toEqual({ k: 1 });
  });

  const senders: [string, (c: ActorsClient) => Promise<unknown>][] = [
    ['sendMessage', (c) => c.sendMessage('a', 'hi', { message: 'x' })],
    ['sendBinaryMessage', (c) => c.sendBinaryMessage('a', new Uint8Array([1]), { message: 'x' })],
    ['sendSynchronousMessage', (c) => c.sendSynchronousMessage('a', 'hi', { message: 'x' })],
  ];

  it.each(senders)(
    '%s refuses "message" in the environment with a rejection, sending nothing',
    async (_name, send) => {
      await using server = await FakeServer.start();
      const client = new ActorsClient({ baseUrl: server.origin });
      let pending: Promise<unknown> | undefined;
      expect(() => {
        pending = send(client);
      }).not.toThrow();
      await expect(pending).rejects.toThrow(TypeError);
      await expect(pending).rejects.toThrow(/may not contain "message"/);
      expect(server.requests).toHaveLength(0);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { ActorsApiError, ActorsClient, ActorsResponseError } from '../src/index.js';
import { envelope, errorEnvelope, FakeServer, raw } from './fake-server.js';
import { actor } from './fixtures-camel.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the call should have failed'),
    (e: unknown) => e,
  );
}

describe('error envelopes', () => {
  it('become ActorsApiError with the status, the server message and the request', async () => {
    await using server = await FakeServer.start();
    server.reply(errorEnvelope(404, 'No actor found with id: nope.'));
    const error = await failure(new ActorsClient({ baseUrl: server.origin }).get('nope'));
    expect(error).toBeInstanceOf(ActorsApiError);
    const e = error as ActorsApiError;
    expect(e.status).toBe(404);
    expect(e.isNotFound).toBe(true);
    expect(e.serverMessage).toBe('No actor found with id: nope.');
    expect(e.request).toEqual({ method: 'GET', url: `${server.origin}/actors/v2/nope` });
    expect(e.body).toMatchObject({ status: 'error', result: null });
    expect(e.message).toContain('GET');
    expect(e.message).toContain('404');
    expect(e.message).toContain('No actor found with id: nope.');
  });

  it('mask the nonce in the failed request', async () => {
    await using server = await FakeServer.start();
    server.reply(errorEnvelope(400, 'Insufficient permissions: nonce level is READ.'));
    const client = new ActorsClient({
      baseUrl: server.origin,
      credentials: { kind: 'nonce', nonce: 'DEV_secret' },
    });
    const e = (await failure(client.sendMessage('a1', 'hi', { K: 'v' }))) as ActorsApiError;
    expect(e.status).toBe(400);
    expect(e.request.method).toBe('POST');
    expect(e.request.url).toBe(`${server.origin}/actors/v2/a1/messages?K=v&x-nonce=***`);
    expect(e.message).not.toContain('DEV_secret');
    expect(server.last.query['x-nonce']).toBe('DEV_secret');
  });

  it('with HTTP 200 still fail, with the nonce masked', async () => {
    await using server = await FakeServer.start();
    server.reply(errorEnvelope(200, 'Actor is shutting down.'));
    const client = new ActorsClient({
      baseUrl: server.origin,
      credentials: { kind: 'nonce', nonce: 'DEV_secret' },
    });
    const e = (await failure(client.get('a1'))) as ActorsApiError;
    expect(e).toBeInstanceOf(ActorsApiError);
    expect(e.status).toBe(200);
    expect(e.serverMessage).toBe('Actor is shutting down.');
    expect(e.request.url).toBe(`${server.origin}/actors/v2/a1?x-nonce=***`);
    expect(e.message).not.toContain('DEV_secret');
  });
});

describe('error bodies that are not envelopes', () => {
  it('keep the text as the message', async () => {
    await using server = await FakeServer.start();
    server.reply(raw('<html>502 Bad Gateway</html>', { 'content-type': 'text/html' }, 502));
    const e = (await failure(new ActorsClient({ baseUrl: server.origin }).list())) as ActorsApiError;
    expect(e).toBeInstanceOf(ActorsApiError);
    expect(e.status).toBe(502);
    expect(e.serverMessage).toBe('<html>502 Bad Gateway</html>');
    expect(e.body).toBe('<html>502 Bad Gateway</html>');
  });

  it('fall back to the status text when empty', async () => {
    await using server = await FakeServer.start();
    server.reply(raw('', {}, 503));
    const e = (await failure(new ActorsClient({ baseUrl: server.origin }).list())) as ActorsApiError;
    expect(e.status).toBe(503);
    expect(e.serverMessage).toBe('Service Unavailable');
  });

  it('that are JSON without a message keep the body', async () => {
    await using server = await FakeServer.start();
    server.reply({ kind: 'json', status: 500, body: { detail: 'boom' } });
    const e = (await failure(new ActorsClient({ baseUrl: server.origin }).list())) as ActorsApiError;
    expect(e.status).toBe(500);
    expect(e.serverMessage).toBe('{"detail":"boom"}');
    expect(e.body).toEqual({ detail: 'boom' });
  });
});

describe('answers that do not match the contract', () => {
  it('become ActorsResponseError naming the field', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope({ ...actor, stateless: 'maybe' }));
    const e = (await failure(new ActorsClient({ baseUrl: server.origin }).get('a1'))) as ActorsResponseError;
    expect(e).toBeInstanceOf(ActorsResponseError);
    expect(e.message).toMatch(/stateless: /);
    expect(e.request).toEqual({ method: 'GET', url: `${server.origin}/actors/v2/a1` });
    expect(e.body).toMatchObject({ status: 'success' });
  });

  it('name nested fields by their path, with the nonce masked', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope([{ ...actor, defaultEnvironment: { GOOD: 'x', BAD: { nested: true } } }]));
    const client = new ActorsClient({
      baseUrl: server.origin,
      credentials: { kind: 'nonce', nonce: 'DEV_secret' },
    });
    const e = (await failure(client.list())) as ActorsResponseError;
    expect(e).toBeInstanceOf(ActorsResponseError);
    expect(e.message).toContain('0.defaultEnvironment.BAD');
    expect(e.request.url).not.toContain('DEV_secret');
  });

  it('include a success body that is not JSON', async () => {
    await using server = await FakeServer.start();
    server.reply(raw('not json', { 'content-type': 'text/plain' }));
    const e = await failure(new ActorsClient({ baseUrl: server.origin }).get('a1'));
    expect(e).toBeInstanceOf(ActorsResponseError);
    expect((e as Error).message).toMatch(/not JSON/);
  });
});

import { describe, expect, it } from 'vitest';
import { ActorsApiError, ActorsClient } from '../src/index.js';
import { FakeServer, hold, stall } from './fake-server.js';

describe('when no answer comes', () => {
  it('connection refused is status 0 with a message that says what to check', async () => {
    const server = await FakeServer.start();
    const origin = server.origin;
    await server.close();
    const error = await new ActorsClient({ baseUrl: origin }).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActorsApiError);
    const e = error as ActorsApiError;
    expect(e.status).toBe(0);
    expect(e.serverMessage).toContain(`could not reach ${origin}/actors/v2`);
    expect(e.serverMessage).toMatch(/ECONNREFUSED/);
    expect(e.serverMessage).toContain('check the URL and that the server is running');
    expect(e.message).toContain('no response');
    expect(e.request).toEqual({ method: 'GET', url: `${origin}/actors/v2?limit=250&offset=0` });
    expect(e.cause).toBeDefined();
  });

  it('a server that never answers times out with status 0', async () => {
    await using server = await FakeServer.start();
    server.reply(hold());
    const client = new ActorsClient({ baseUrl: server.origin, timeoutMs: 150 });
    const error = await client.get('a1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActorsApiError);
    const e = error as ActorsApiError;
    expect(e.status).toBe(0);
    expect(e.serverMessage).toBe('no answer within 150 ms; raise timeoutMs or check that the server is up');
    expect((e.cause as Error).name).toBe('TimeoutError');
  });
});

describe('when an answer starts but never ends', () => {
  it.each([
    ['an envelope', (c: ActorsClient) => c.get('a1'), '{"result": {"id": "a1"'],
    ['a result', (c: ActorsClient) => c.getOneExecutionResult('a1', 'e1'), new Uint8Array([1, 2, 3])],
    ['a synchronous answer', (c: ActorsClient) => c.sendSynchronousMessage('a1', 'hi'), 'partial'],
  ])('reading %s times out with status 0', async (_what, call, head) => {
    await using server = await FakeServer.start();
    server.reply(stall(head));
    const error = await call(new ActorsClient({ baseUrl: server.origin, timeoutMs: 150 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ActorsApiError);
    const e = error as ActorsApiError;
    expect(e.status).toBe(0);
    expect(e.serverMessage).toBe('no answer within 150 ms; raise timeoutMs or check that the server is up');
    expect(e.request.url).toContain(`${server.origin}/actors/v2/a1`);
  });
});

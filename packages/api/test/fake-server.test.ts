import { describe, expect, it } from 'vitest';
import { ActorsApiError, ActorsClient } from '../src/index.js';
import { FakeServer, hold } from './fake-server.js';

describe('the fake server', () => {
  it('holds a request until released, then answers it with 503', async () => {
    await using server = await FakeServer.start();
    server.reply(hold());
    const pending = new ActorsClient({ baseUrl: server.origin }).get('a1').catch((e: unknown) => e);
    await server.received(1);
    expect(server.heldCount).toBe(1);
    server.release();
    expect(server.heldCount).toBe(0);
    const error = await pending;
    expect(error).toBeInstanceOf(ActorsApiError);
    expect((error as ActorsApiError).status).toBe(503);
  });

  it('answers an unscripted request with a 500 error envelope that says so', async () => {
    await using server = await FakeServer.start();
    const error = await new ActorsClient({ baseUrl: server.origin }).list().catch((e: unknown) => e);
    expect((error as ActorsApiError).status).toBe(500);
    expect((error as ActorsApiError).serverMessage).toMatch(/no reply scripted/);
    expect(server.last.method).toBe('GET');
  });

  it('refuses connections once closed, even with a request still held', async () => {
    const server = await FakeServer.start();
    server.reply(hold());
    const origin = server.origin;
    const pending = fetch(`${origin}/held`).then((r) => r.status);
    await server.received(1);
    await server.close();
    expect(await pending).toBe(503);
    await expect(fetch(origin)).rejects.toThrow(TypeError);
  });
});

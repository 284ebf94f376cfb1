import { describe, expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { envelope, FakeServer, raw } from './fake-server.js';
import { messageResponse } from './fixtures-camel.js';
import { ALL_BYTES } from './operations.js';

const clientOf = (server: FakeServer) => new ActorsClient({ baseUrl: server.origin });

describe('sendBinaryMessage', () => {
  it('sends the exact bytes as application/octet-stream', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(envelope(messageResponse));
    const answer = await client.sendBinaryMessage('a1', ALL_BYTES);
    expect(server.last.headers['content-type']).toBe('application/octet-stream');
    expect(server.last.headers['content-length']).toBe('256');
    expect(new Uint8Array(server.last.body)).toEqual(ALL_BYTES);
    expect(answer.executionId).toBe(messageResponse.executionId);
  });

  it('sends only the bytes of a view, and accepts an ArrayBuffer', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(envelope(messageResponse), envelope(messageResponse));
    await client.sendBinaryMessage('a1', ALL_BYTES.subarray(10, 20));
    await client.sendBinaryMessage('a1', ALL_BYTES.slice(200).buffer);
    expect([...server.requests.map((r) => [...r.body])]).toEqual([
      [...ALL_BYTES.subarray(10, 20)],
      [...ALL_BYTES.slice(200)],
    ]);
  });
});

describe('getOneExecutionResult', () => {
  it('returns the raw bytes exactly', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(raw(ALL_BYTES));
    const result = await client.getOneExecutionResult('a1', 'e1');
    expect(result).toBeInstanceOf(Uint8Array);
    expect(result).toEqual(ALL_BYTES);
  });

  it('returns an empty array when no result is left', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(raw(new Uint8Array(0)));
    const result = await client.getOneExecutionResult('a1', 'e1');
    expect(result).toBeInstanceOf(Uint8Array);
    expect(result.byteLength).toBe(0);
  });
});

describe('sendSynchronousMessage', () => {
  it('returns the bytes, the content type and the execution id', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(raw(ALL_BYTES, { 'x-abaco-execution-id': 'ZQ1zpX0wYb7aK' }));
    const answer = await client.sendSynchronousMessage('a1', 'hello', { K: 'v' });
    expect(answer).toEqual({
      body: ALL_BYTES,
      contentType: 'application/octet-stream',
      executionId: 'ZQ1zpX0wYb7aK',
    });
    expect(server.last.query).toEqual({ K: 'v', _abaco_synchronous: 'true' });
    expect(JSON.parse(server.last.body.toString())).toEqual({ message: 'hello' });
  });

  it('sends bytes as octet-stream, and reports a missing execution id as null', async () => {
    await using server = await FakeServer.start();
    const client = clientOf(server);
    server.reply(raw('the logs\n', { 'content-type': 'text/plain; charset=utf-8' }));
    const answer = await client.sendSynchronousMessage('a1', ALL_BYTES);
    expect(server.last.headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(server.last.body)).toEqual(ALL_BYTES);
    expect(new TextDecoder().decode(answer.body)).toBe('the logs\n');
    expect(answer.contentType).toBe('text/plain; charset=utf-8');
    expect(answer.executionId).toBeNull();
  });
});

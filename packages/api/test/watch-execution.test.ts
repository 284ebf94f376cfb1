import { describe, expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { envelope, FakeServer, hold, raw } from './fake-server.js';
import { ACTOR_ID, EXECUTION_ID, execution } from './fixtures-camel.js';

const withHeaders = (headers: Record<string, string>) => ({
  ...(envelope(execution) as Extract<ReturnType<typeof envelope>, { kind: 'json' }>),
  headers,
});

describe('watchExecution: a blocking read of an execution', () => {
  it('asks to be held (Prefer: wait) and answers the ETag; the next call names it in If-None-Match', async () => {
    await using server = await FakeServer.start();
    server.reply(
      withHeaders({ etag: 'W/"v1"', 'preference-applied': 'wait=20' }),
      withHeaders({ etag: 'W/"v2"', 'preference-applied': 'wait=20' }),
    );
    const client = new ActorsClient({ baseUrl: server.origin });
    const first = await client.watchExecution(ACTOR_ID, EXECUTION_ID);
    expect(first).toMatchObject({ etag: 'W/"v1"', blocking: true });
    expect(first.execution?.id).toBe(EXECUTION_ID);
    const second = await client.watchExecution(ACTOR_ID, EXECUTION_ID, { etag: first.etag });
    expect(second.etag).toBe('W/"v2"');
    const [a, b] = server.requests;
    expect(a!.path).toBe(`/actors/v2/${ACTOR_ID}/executions/${EXECUTION_ID}`);
    expect(a!.headers['prefer']).toBe('wait=20');
    expect(a!.headers['if-none-match']).toBeUndefined();
    expect(b!.headers['if-none-match']).toBe('W/"v1"');
  });

  it('a 304 answers execution null: nothing changed within the wait', async () => {
    await using server = await FakeServer.start();
    server.reply(raw('', { etag: 'W/"v1"', 'preference-applied': 'wait=5' }, 304));
    const w = await new ActorsClient({ baseUrl: server.origin }).watchExecution(ACTOR_ID, EXECUTION_ID, {
      etag: 'W/"v1"',
      waitSeconds: 5,
    });
    expect(w).toEqual({ execution: null, etag: 'W/"v1"', blocking: true });
    expect(server.requests[0]!.headers['prefer']).toBe('wait=5');
  });

  it('a server without blocking reads (no Preference-Applied, no ETag) answers blocking false', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(execution));
    const w = await new ActorsClient({ baseUrl: server.origin }).watchExecution(ACTOR_ID, EXECUTION_ID, {
      etag: 'W/"old"',
    });
    expect(w.blocking).toBe(false);
    expect(w.etag).toBeNull();
    expect(w.execution?.status).toBe(execution.status);
  });

  it('keeps the wait under the client time-out, and sends no preference when none fits', async () => {
    await using server = await FakeServer.start();
    server.reply(withHeaders({}), withHeaders({}));
    await new ActorsClient({ baseUrl: server.origin, timeoutMs: 10_000 }).watchExecution(
      ACTOR_ID,
      EXECUTION_ID,
      {
        etag: 'W/"v1"',
        waitSeconds: 60,
      },
    );
    await new ActorsClient({ baseUrl: server.origin, timeoutMs: 1_500 }).watchExecution(
      ACTOR_ID,
      EXECUTION_ID,
      {
        etag: 'W/"v1"',
      },
    );
    expect(server.requests[0]!.headers['prefer']).toBe('wait=8');
    expect(server.requests[1]!.headers['prefer']).toBeUndefined();
    expect(server.requests[1]!.headers['if-none-match']).toBeUndefined();
  });

  it('an aborted signal ends a held read with the signal reason', async () => {
    await using server = await FakeServer.start();
    server.reply(hold());
    const abort = new AbortController();
    const pending = new ActorsClient({ baseUrl: server.origin }).watchExecution(ACTOR_ID, EXECUTION_ID, {
      etag: 'W/"v1"',
      signal: abort.signal,
    });
    await server.received(1);
    abort.abort(new Error('a newer save arrived'));
    await expect(pending).rejects.toThrow('a newer save arrived');
  });

  it('a 304 on any other call is still an error', async () => {
    await using server = await FakeServer.start();
    server.reply(raw('', {}, 304));
    await expect(
      new ActorsClient({ baseUrl: server.origin }).getExecution(ACTOR_ID, EXECUTION_ID),
    ).rejects.toThrow();
  });
});

describe('executionUpdates: the execution as it changes', () => {
  const version = (status: string, headers: Record<string, string>) => ({
    ...(envelope({ ...execution, status }) as Extract<ReturnType<typeof envelope>, { kind: 'json' }>),
    headers,
  });

  it('yields each new version and ends after a final one, skipping the waits that ended unchanged', async () => {
    await using server = await FakeServer.start();
    const held = { 'preference-applied': 'wait=20' };
    server.reply(
      version('SUBMITTED', { etag: 'W/"1"', ...held }),
      raw('', { etag: 'W/"1"', ...held }, 304),
      version('RUNNING', { etag: 'W/"2"', ...held }),
      version('COMPLETE', { etag: 'W/"3"', ...held }),
    );
    const client = new ActorsClient({ baseUrl: server.origin });
    const seen: string[] = [];
    for await (const e of client.executionUpdates(ACTOR_ID, EXECUTION_ID)) seen.push(e.status);
    expect(seen).toEqual(['SUBMITTED', 'RUNNING', 'COMPLETE']);
    expect(server.requests.map((r) => r.headers['if-none-match'] ?? null)).toEqual([
      null,
      'W/"1"',
      'W/"1"',
      'W/"2"',
    ]);
  });

  it('polls every pollMs a server that does not hold reads, and stops once `until` has passed', async () => {
    await using server = await FakeServer.start();
    server.reply(...Array.from({ length: 20 }, () => version('RUNNING', {})));
    const client = new ActorsClient({ baseUrl: server.origin });
    const started = Date.now();
    const seen: string[] = [];
    for await (const e of client.executionUpdates(ACTOR_ID, EXECUTION_ID, {
      until: started + 250,
      pollMs: 100,
    }))
      seen.push(e.status);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(new Set(seen)).toEqual(new Set(['RUNNING']));
    expect(server.requests.every((r) => r.headers['if-none-match'] === undefined)).toBe(true);
  });

  it('an abort during the pause between polls ends it with the signal reason', async () => {
    await using server = await FakeServer.start();
    server.reply(version('RUNNING', {}), version('RUNNING', {}));
    const abort = new AbortController();
    const client = new ActorsClient({ baseUrl: server.origin });
    const run = (async () => {
      for await (const e of client.executionUpdates(ACTOR_ID, EXECUTION_ID, {
        pollMs: 10_000,
        signal: abort.signal,
      })) {
        expect(e.status).toBe('RUNNING');
        setTimeout(() => abort.abort(new Error('stopped following')), 10);
      }
    })();
    await expect(run).rejects.toThrow('stopped following');
    expect(server.requests).toHaveLength(1);
  });
});

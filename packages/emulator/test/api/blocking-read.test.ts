import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS, waitFor } from './fixture.js';

/**
 * GET of an execution as a blocking read (If-None-Match + Prefer: wait=N), against a real HTTP server. The
 * emulator runs no executor here: the tests change the execution through the store, as a worker would.
 */
describe('blocking reads of an execution', () => {
  let emu: RunningEmulator;
  let actorId: string;
  let executionId: string;
  let path: string;

  beforeEach(async () => {
    emu = await startTestEmulator();
    actorId = (await emu.client.add({ image: 'test/image:1', name: 'watched' })).id;
    executionId = (await emu.client.sendMessage(actorId, 'hi')).executionId;
    path = `/actors/v2/${actorId}/executions/${executionId}`;
  });
  afterEach(async () => {
    await emu.dispose();
  });

  const get = (headers: Record<string, string> = {}) =>
    raw(emu, 'GET', path, { token: USERS.admin.token, headers });
  const etagNow = async () => (await get()).headers.get('etag')!;
  /** Sends a blocking read and resolves once the emulator holds it; `answer` is its eventual response. */
  const held = async (etag: string, seconds = 10) => {
    const started = performance.now();
    const answer = get({ 'if-none-match': etag, prefer: `wait=${seconds}` }).then((r) => ({
      ...r,
      ms: performance.now() - started,
    }));
    await waitFor(() => (emu.store.changes.waiting > 0 ? true : undefined), 5_000);
    return { answer };
  };

  it('a plain GET carries a weak ETag; with Prefer it says the preference applies', async () => {
    const plain = await get();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('etag')).toMatch(/^W\/"[\w-]+\.0"$/);
    expect(plain.headers.get('preference-applied')).toBeNull();
    const prefer = await get({ prefer: 'wait=5' });
    expect(prefer.status).toBe(200);
    expect(prefer.headers.get('preference-applied')).toBe('wait=5');
    expect(prefer.headers.get('etag')).toBe(plain.headers.get('etag'));
  });

  it('is held until the execution changes, then answers the new version', async () => {
    const etag = await etagNow();
    const { answer: pending } = await held(etag);
    expect(await Promise.race([pending.then(() => 'answered'), delay(150, 'held')])).toBe('held');
    emu.store.markRunning(executionId, 'w1');
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect((answer.json?.result as { status: string }).status).toBe('RUNNING');
    expect(answer.headers.get('etag')).not.toBe(etag);
    expect(answer.ms).toBeGreaterThanOrEqual(140);
    expect(answer.ms).toBeLessThan(5_000);
    expect(emu.store.changes.waiting).toBe(0);
  });

  it('a log that grows is a change too, the status staying the same', async () => {
    emu.store.markRunning(executionId, 'w1');
    const etag = await etagNow();
    const { answer: pending } = await held(etag);
    emu.store.appendLog(executionId, 'line one\n');
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect((answer.json?.result as { status: string }).status).toBe('RUNNING');
    expect(answer.headers.get('etag')).toMatch(/\.9"$/);
  });

  it('the end of the execution wakes it', async () => {
    emu.store.markRunning(executionId, 'w1');
    const { answer: pending } = await held(await etagNow());
    emu.store.finish(executionId, {
      status: 'COMPLETE',
      statusMessage: '',
      exitCode: 3,
      finalState: null,
      startTime: null,
      finishTime: new Date().toISOString(),
      runtime: 5,
      cpu: 0,
      io: 0,
    });
    const answer = await pending;
    expect(answer.json?.result).toMatchObject({ status: 'COMPLETE', exitCode: 3 });
  });

  it('answers 304 Not Modified, without a body, when nothing changed within the wait', async () => {
    const etag = await etagNow();
    const answer = await (await held(etag, 1)).answer;
    expect(answer.status).toBe(304);
    expect(answer.text).toBe('');
    expect(answer.headers.get('etag')).toBe(etag);
    expect(answer.ms).toBeGreaterThanOrEqual(900);
    expect(emu.store.changes.waiting).toBe(0);
  });

  it('answers at once when If-None-Match names an older version, or when no wait is asked for', async () => {
    const stale = await get({ 'if-none-match': 'W/"older.0"', prefer: 'wait=10' });
    expect(stale.status).toBe(200);
    const conditional = await get({ 'if-none-match': await etagNow() });
    expect(conditional.status).toBe(304);
    const any = await get({ 'if-none-match': '*', prefer: 'wait=10' });
    expect(any.status).toBe(304); // `*` names no version to wait on: the execution exists, so 304 at once
    expect(emu.store.changes.waiting).toBe(0);
  });

  it('a wait above the cap is cut to 30 seconds', async () => {
    const answer = await get({ prefer: 'wait=600' });
    expect(answer.headers.get('preference-applied')).toBe('wait=30');
  });

  it("answers the service's unknown-execution 400 when the actor is deleted during the wait", async () => {
    const { answer: pending } = await held(await etagNow());
    await emu.client.delete(actorId);
    const answer = await pending;
    expect(answer.status).toBe(400);
    expect(answer.json?.message).toBe(
      `No executions found with actor id of ${actorId} and execution id of ${executionId}.`,
    );
  });

  it('a reader that hangs up stops waiting', async () => {
    const abort = new AbortController();
    const pending = fetch(emu.url + path, {
      headers: {
        authorization: `Bearer ${USERS.admin.token}`,
        'if-none-match': await etagNow(),
        prefer: 'wait=20',
      },
      signal: abort.signal,
    }).catch((e: unknown) => e);
    await waitFor(() => (emu.store.changes.waiting === 1 ? true : undefined), 5_000);
    abort.abort();
    await pending;
    await waitFor(() => (emu.store.changes.waiting === 0 ? true : undefined), 5_000);
  });

  it('a held read does not hold up stopping: it answers when the emulator stops', async () => {
    const { answer: pending } = await held(await etagNow(), 20);
    const started = performance.now();
    await emu.dispose();
    const answer = await pending;
    expect(answer.status).toBe(304);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('the typed client follows the versions: SUBMITTED, then RUNNING, then COMPLETE, and blocking is true', async () => {
    const first = await emu.client.watchExecution(actorId, executionId);
    expect(first).toMatchObject({ blocking: true, execution: { status: 'SUBMITTED' } });
    setTimeout(() => emu.store.markRunning(executionId, 'w1'), 50);
    const second = await emu.client.watchExecution(actorId, executionId, { etag: first.etag });
    expect(second.execution?.status).toBe('RUNNING');
    const third = await emu.client.watchExecution(actorId, executionId, {
      etag: second.etag,
      waitSeconds: 1,
    });
    expect(third).toEqual({ execution: null, etag: second.etag, blocking: true });
  });
});

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

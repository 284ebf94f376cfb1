import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActorsClient } from '@actorkit/api';
import { Store } from '../../src/index.js';
import { spawnEmulator, type ChildEmulator } from './child-emulator.js';
import { raw } from './fixture.js';

const children: ChildEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) await c.kill9();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dir: string): Promise<{ child: ChildEmulator; client: ActorsClient }> {
  const child = await spawnEmulator(dir);
  children.push(child);
  return {
    child,
    client: new ActorsClient({ baseUrl: child.url, credentials: { kind: 'bearer', token: child.token } }),
  };
}

describe('a restart after SIGKILL', () => {
  it('keeps actors, state, permissions, nonces, aliases, executions, logs, results and the queue in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorkit-restart-'));
    dirs.push(dir);
    const first = await start(dir);
    const c = first.client;
    const stateful = await c.add({
      image: 'img/stateful',
      name: 'keeper',
      stateless: false,
      defaultEnvironment: { A: '1' },
    });
    const plain = await c.add({ image: 'img/plain' });
    await c.updateState(stateful.id, { counter: 41, words: ['a', 'b'] });
    await c.updatePermissions(stateful.id, { user: 'alice', level: 'EXECUTE' });
    const nonce = await c.addNonce(stateful.id, { level: 'READ', maxUses: 3 });
    expect((await raw(first.child, 'GET', `/actors/v2/${stateful.id}?x-nonce=${nonce.id}`)).status).toBe(200);
    await c.addAlias({ alias: 'my.keeper', actorId: stateful.id });
    const sent = [];
    sent.push((await c.sendMessage(stateful.id, 'one', { N: '1' })).executionId);
    sent.push((await c.sendMessage(stateful.id, { two: 2 })).executionId);
    sent.push((await c.sendBinaryMessage(stateful.id, new Uint8Array([3, 3, 3]))).executionId);
    sent.push((await c.sendMessage('my.keeper', 'four')).executionId);
    await c.sendMessage(plain.id, 'other actor');
    const usage = await c.addExecution(plain.id, { runtime: 10, cpu: 2, io: 1 });
    // A second process writes logs and a result while the first runs (WAL allows it): they must survive too.
    const side = new Store({ dataDir: dir });
    side.appendLog(sent[0]!, 'hello from the log\n');
    side.pushResult(sent[0]!, new Uint8Array([42]));
    side.close();

    await first.child.kill9();
    const second = await start(dir);
    expect(second.child.token).toBe(first.child.token);
    const d = second.client;
    expect((await d.list()).map((a) => a.id)).toEqual([stateful.id, plain.id]);
    expect(await d.get(stateful.id)).toMatchObject({
      name: 'keeper',
      stateless: false,
      defaultEnvironment: { A: '1' },
    });
    expect((await d.getState(stateful.id)).state).toEqual({ counter: 41, words: ['a', 'b'] });
    expect(await d.getPermissions(stateful.id)).toEqual({ owner: 'UPDATE', alice: 'EXECUTE' });
    expect(await d.getNonce(stateful.id, nonce.id)).toMatchObject({
      currentUses: 1,
      remainingUses: 2,
      level: 'READ',
    });
    expect((await d.getAlias('my.keeper')).actorId).toBe(stateful.id);
    expect((await d.getMessages(stateful.id)).messages).toBe(4);
    expect((await d.listExecutions(stateful.id)).ids).toEqual(sent);
    for (const id of sent) expect((await d.getExecution(stateful.id, id)).status).toBe('SUBMITTED');
    expect((await d.getExecution(plain.id, usage.id)).runtime).toBe(10);
    expect((await d.getExecutionLogs(stateful.id, sent[0]!)).logs).toBe('hello from the log\n');
    expect([...(await d.getOneExecutionResult(stateful.id, sent[0]!))]).toEqual([42]);
    await second.child.kill9();
    const store = new Store({ dataDir: dir });
    const queued = store.messages.queued(stateful.id);
    store.close();
    expect(queued.map((m) => m.executionId)).toEqual(sent);
    expect(queued.map((m) => m.contentType)).toEqual([
      'str',
      'application/json',
      'application/octet-stream',
      'str',
    ]);
    expect(queued[0]?.env).toEqual({ N: '1' });
    expect(queued[1]?.body.toString()).toBe('{"two":2}');
  });

  it('keeps every acknowledged message when killed in the middle of a burst of writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorkit-crash-'));
    dirs.push(dir);
    const first = await start(dir);
    const actor = await first.client.add({ image: 'img/burst' });
    const acknowledged: string[] = [];
    let stop = false;
    const senders = Array.from({ length: 4 }, async () => {
      while (!stop) {
        try {
          acknowledged.push(
            (await first.client.sendMessage(actor.id, `m${acknowledged.length}`)).executionId,
          );
        } catch (cause) {
          void cause; // the process was killed mid-request: this one was never acknowledged
          return;
        }
      }
    });
    const deadline = Date.now() + 10_000;
    while (acknowledged.length < 40 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    await first.child.kill9();
    stop = true;
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const store = new Store({ dataDir: dir });
    const queued = new Set(store.messages.queued(actor.id).map((m) => m.executionId));
    const executions = store.executions.listForActor(actor.id, 10_000, 0).map((e) => e.id);
    store.close();
    for (const id of acknowledged) expect(queued.has(id)).toBe(true);
    expect(new Set(executions)).toEqual(queued);
    const second = await start(dir);
    expect((await second.client.getMessages(actor.id)).messages).toBe(queued.size);
  });
});

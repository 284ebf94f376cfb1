import { describe, expect, it, vi } from 'vitest';
import { advanceCron, dueCronActors } from '../domain/cron-due.js';
import { Mailbox, PURGED_MESSAGE } from '../mailbox/mailbox.js';
import { LOG_CAP_BYTES, LOG_CAP_NOTE } from './logs-store.js';
import type { ActorRecord } from './records.js';
import { Store } from './store.js';
import { actorRecord } from '../../test/actor-record.js';

function actor(id: string, extra: Partial<ActorRecord> = {}): ActorRecord {
  return actorRecord(id, {
    tenant: 'T',
    owner: 'o',
    image: 'img',
    createTime: '',
    lastUpdateTime: '',
    ...extra,
  });
}

function setup() {
  const store = new Store({ dataDir: null });
  const mailbox = new Mailbox(store);
  const a = actor('A000000000001');
  store.createActor(a);
  const send = (text: string) =>
    mailbox.send({ actor: a, sender: 'o', contentType: 'str', body: Buffer.from(text), env: {} });
  const post = (text: string) =>
    mailbox.post({ actor: a, sender: 'o', contentType: 'str', body: Buffer.from(text), env: {} });
  return { store, mailbox, a, send, post };
}

describe('the mailbox', () => {
  it('is FIFO; a claimed message leaves the count but stays stored until its execution finishes', () => {
    const { store, mailbox, a, send } = setup();
    const [e1, e2] = [send('one'), send('two')];
    expect(mailbox.count(a.id)).toBe(2);
    const claimed = mailbox.claim(a.id, 'W1');
    expect(claimed?.executionId).toBe(e1.id);
    expect(store.executions.get(e1.id)?.workerId).toBe('W1');
    expect(mailbox.count(a.id)).toBe(1);
    store.markRunning(e1.id, 'W1');
    expect(store.executionsLeftRunning().map((e) => e.id)).toEqual([e1.id]);
    expect(mailbox.releaseClaims()).toBe(1);
    expect(mailbox.queued(a.id).map((m) => m.executionId)).toEqual([e1.id, e2.id]);
    mailbox.claim(a.id, 'W1');
    store.finish(e1.id, {
      status: 'COMPLETE',
      statusMessage: '',
      exitCode: 1,
      finalState: null,
      startTime: null,
      finishTime: 't',
      runtime: 1,
      cpu: 0,
      io: 0,
    });
    expect(mailbox.releaseClaims()).toBe(0);
    expect(mailbox.queued(a.id).map((m) => m.executionId)).toEqual([e2.id]);
    expect(store.executions.get(e1.id)).toMatchObject({ status: 'COMPLETE', exitCode: 1 });
  });

  it('next() waits for a message of its own actor and stops on abort', async () => {
    const { mailbox, a, send } = setup();
    const abort = new AbortController();
    const waiting = mailbox.next(a.id, 'W', abort.signal);
    const sent = send('later');
    expect((await waiting).executionId).toBe(sent.id);
    const stopped = mailbox.next(a.id, 'W', abort.signal);
    abort.abort(new Error('stop'));
    await expect(stopped).rejects.toThrow('stop');
  });

  it('purges waiting messages and marks their executions ERROR', () => {
    const { store, mailbox, a, send } = setup();
    const e = send('x');
    expect(mailbox.purge(a.id)).toBe(1);
    expect(store.executions.get(e.id)).toMatchObject({ status: 'ERROR', statusMessage: PURGED_MESSAGE });
  });
});

describe('the mailbox, posting in batches', () => {
  it('commits the messages posted in one turn together, in order, and announces each once committed', async () => {
    const { store, mailbox, a, post } = setup();
    const transaction = vi.spyOn(store, 'transaction');
    const announced: string[] = [];
    mailbox.on('message', (e) => {
      expect(store.executions.get(e.executionId)?.status).toBe('SUBMITTED'); // committed before the event
      announced.push(e.executionId);
    });
    const pending = ['one', 'two', 'three', 'four'].map(post);
    expect(mailbox.count(a.id)).toBe(0); // held until the end of this turn
    const executions = await Promise.all(pending);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(mailbox.queued(a.id).map((m) => m.body.toString())).toEqual(['one', 'two', 'three', 'four']);
    expect(mailbox.queued(a.id).map((m) => m.executionId)).toEqual(executions.map((e) => e.id));
    expect(announced).toEqual(executions.map((e) => e.id));
  });

  it('any other write commits what is held first: a send, a purge or a delete right after a post sees it', async () => {
    const { store, mailbox, a, post, send } = setup();
    const posted = post('first');
    const sent = send('second');
    expect(mailbox.queued(a.id).map((m) => m.body.toString())).toEqual(['first', 'second']);
    expect((await posted).id).not.toBe(sent.id);

    const purged = post('purged');
    expect(mailbox.purge(a.id)).toBe(3);
    expect(store.executions.get((await purged).id)?.status).toBe('ERROR');

    const orphan = post('then the actor is deleted');
    expect(store.deleteActor(a.id)).toBe(true);
    const execution = await orphan;
    expect(store.executions.get(execution.id)).toBeNull(); // deleted with the actor, not left behind
    expect(store.messages.count(a.id)).toBe(0);
  });

  it("a worker waiting on its actor wakes for its message even when another actor's comes first in the batch", async () => {
    const { store, mailbox, a, post } = setup();
    const b = actor('B000000000001');
    store.createActor(b);
    const abort = new AbortController();
    const waitingOnA = mailbox.next(a.id, 'WA', abort.signal);
    const waitingOnB = mailbox.next(b.id, 'WB', abort.signal);
    // One batch, one synchronous burst of events: B's, then A's.
    const forB = mailbox.post({ actor: b, sender: 'o', contentType: 'str', body: Buffer.from('b'), env: {} });
    const forA = post('a');
    const [claimedA, claimedB] = await Promise.race([
      Promise.all([waitingOnA, waitingOnB]),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('a worker missed its message')), 2_000),
      ),
    ]);
    expect(claimedA.executionId).toBe((await forA).id);
    expect(claimedB.executionId).toBe((await forB).id);
    expect(mailbox.listenerCount('message')).toBe(0);
  });

  it('a batch that fails is retried message by message: one bad message fails alone', async () => {
    const { store, mailbox, a, post } = setup();
    const insert = store.messages.insert.bind(store.messages);
    vi.spyOn(store.messages, 'insert').mockImplementation((m) => {
      if (m.body.toString() === 'bad') throw new Error('the disk refused this one');
      return insert(m);
    });
    const [good1, bad, good2] = [post('good 1'), post('bad'), post('good 2')];
    await expect(bad).rejects.toThrow('the disk refused this one');
    const committed = await Promise.all([good1, good2]);
    expect(mailbox.queued(a.id).map((m) => m.executionId)).toEqual(committed.map((e) => e.id));
    expect(store.executions.listForActor(a.id, 10, 0).map((e) => e.id)).toEqual(committed.map((e) => e.id));
  });
});

describe('logs, results and tokens', () => {
  it('caps logs at 1,000,000 bytes with a note', () => {
    const { store, send } = setup();
    const e = send('x');
    store.appendLog(e.id, 'a'.repeat(LOG_CAP_BYTES - 10));
    store.appendLog(e.id, 'b'.repeat(100));
    store.appendLog(e.id, 'c');
    expect(store.logs.get(e.id)).toBe('a'.repeat(LOG_CAP_BYTES - 10) + 'b'.repeat(10) + LOG_CAP_NOTE);
    expect(LOG_CAP_NOTE).toMatch(/1,000,000-byte cap/);
  });

  it('pops results oldest first', () => {
    const { store, send } = setup();
    const e = send('x');
    store.pushResult(e.id, new Uint8Array([1]));
    store.pushResult(e.id, new Uint8Array([2]));
    expect([...(store.results.pop(e.id) ?? [])]).toEqual([1]);
    expect([...(store.results.pop(e.id) ?? [])]).toEqual([2]);
    expect(store.results.pop(e.id)).toBeNull();
  });

  it('mints and revokes execution tokens', () => {
    const { store, send } = setup();
    const e = send('x');
    const token = store.mintExecutionToken(e.id, 'o');
    expect(store.tokens.find(token)).toMatchObject({ executionId: e.id, username: 'o' });
    expect(store.revokeExecutionToken(e.id)).toBe(true);
    expect(store.tokens.find(token)).toBeNull();
  });

  it('deletes an actor with everything that belongs to it', () => {
    const { store, a, send } = setup();
    const e = send('x');
    store.appendLog(e.id, 'log');
    expect(store.deleteActor(a.id)).toBe(true);
    expect(store.executions.get(e.id)).toBeNull();
    expect(store.logs.get(e.id)).toBe('');
    expect(store.permissions.list('actor', a.id)).toEqual({});
  });
});

describe('cron bookkeeping', () => {
  it('finds due actors and moves cronNextEx past now', () => {
    const store = new Store({ dataDir: null });
    store.createActor(
      actor('C000000000001', {
        cronSchedule: '2030-01-01 10 + 2 hours',
        cronOn: true,
        cronNextEx: '2030-01-01 10',
      }),
    );
    store.createActor(
      actor('C000000000002', {
        cronSchedule: '2030-01-01 10 + 1 hour',
        cronOn: false,
        cronNextEx: '2030-01-01 10',
      }),
    );
    const now = new Date('2030-01-01T13:05:00Z');
    expect(dueCronActors(store, now).map((a) => a.id)).toEqual(['C000000000001']);
    // written unpadded, as the service writes its next execution times
    expect(advanceCron(store, 'C000000000001', now)).toBe('2030-1-1 14');
    expect(dueCronActors(store, now)).toEqual([]);
  });
});

import { Mailbox } from '../../src/mailbox/mailbox.js';
import { Store } from '../../src/store/store.js';
import type { ActorRecord } from '../../src/store/records.js';
import { ExecutorWorkerPool } from '../../src/workers/worker-pool.js';
import type { WorkerPoolOptions } from '../../src/workers/pool-context.js';
import { FakeExecutor } from './fake-executor.js';
import { actorRecord } from '../actor-record.js';

let n = 0;

export function nextActorRecord(patch: Partial<ActorRecord> = {}): ActorRecord {
  n++;
  return actorRecord(`actor${String(n).padStart(8, '0')}`, { name: `a${n}`, ...patch });
}

/** A pool over an in-memory store and a fake executor, disposed with `await using`. */
export function poolFixture(options: Partial<WorkerPoolOptions> = {}) {
  const store = new Store({ dataDir: null });
  const mailbox = new Mailbox(store);
  const executor = new FakeExecutor();
  const pool = new ExecutorWorkerPool({
    store,
    mailbox,
    executor,
    apiServer: () => 'http://127.0.0.1:1',
    tenant: 'DEV',
    engineRetryMs: 20,
    cronIntervalMs: 0,
    ...options,
  });
  mailbox.on('message', (e) => pool.messageQueued(e.actorId, e.executionId)); // as the messages route does
  return {
    store,
    mailbox,
    executor,
    pool,
    addActor(patch: Partial<ActorRecord> = {}) {
      const actor = nextActorRecord(patch);
      store.createActor(actor);
      return actor;
    },
    send(actor: ActorRecord, text: string, env: Record<string, string> = {}) {
      return mailbox.send({ actor, sender: 'tester', contentType: 'str', body: Buffer.from(text), env });
    },
    async [Symbol.asyncDispose]() {
      await pool.dispose(100);
      store.close();
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function eventually<T>(
  check: () => T | undefined | false,
  ms = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

import { describe, expect, it } from 'vitest';
import { Mailbox } from '../mailbox/mailbox.js';
import { actorRecord } from '../../test/actor-record.js';
import type { ExecutionFinish } from './execution-finish.js';
import { Store } from './store.js';

const end: ExecutionFinish = {
  status: 'COMPLETE',
  statusMessage: '',
  exitCode: 0,
  finalState: null,
  startTime: null,
  finishTime: new Date().toISOString(),
  runtime: 1,
  cpu: 0,
  io: 0,
};

function setup() {
  const store = new Store({ dataDir: null });
  const mailbox = new Mailbox(store);
  const actors = [actorRecord('A000000000001'), actorRecord('A000000000002')] as const;
  for (const a of actors) store.createActor(a);
  const send = (i: 0 | 1) =>
    mailbox.send({ actor: actors[i], sender: 'o', contentType: 'str', body: Buffer.from('m'), env: {} });
  return { store, actors, send };
}

describe('log records and execution lists for search', () => {
  it('gives a finished execution an empty log record when it wrote nothing', () => {
    const { store, send } = setup();
    const e = send(0);
    expect(store.logs.textsFor([e.id]).size).toBe(0);
    store.finish(e.id, end);
    expect(store.logs.textsFor([e.id])).toEqual(new Map([[e.id, '']]));
    store.close();
  });

  it('keeps what a finished execution wrote', () => {
    const { store, send } = setup();
    const e = send(0);
    store.appendLog(e.id, 'out\n');
    store.finish(e.id, end);
    expect(store.logs.get(e.id)).toBe('out\n');
    store.close();
  });

  it("lists several actors' executions in the order they were created, across actors", () => {
    const { store, actors, send } = setup();
    const order = [send(0), send(1), send(0)].map((e) => e.id);
    expect(store.executions.listForActors(actors.map((a) => a.id)).map((e) => e.id)).toEqual(order);
    expect(store.executions.listForActors([actors[1].id]).map((e) => e.id)).toEqual([order[1]]);
    expect(store.executions.listForActors([])).toEqual([]);
    store.close();
  });
});

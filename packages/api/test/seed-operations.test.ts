import { describe, expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { expectRequest } from './expect-request.js';
import { FakeServer } from './fake-server.js';
import { EXTRA_CASES, SEED_CASES } from './operations.js';

/** The operations of the agavepy `actors` reference, as the seed names them. */
const SEED_OPERATION_NAMES = [
  'list',
  'add',
  'get',
  'update',
  'delete',
  'getMessages',
  'sendMessage',
  'sendBinaryMessage',
  'getState',
  'updateState',
  'getPermissions',
  'updatePermissions',
  'addWorker',
  'listWorkers',
  'getWorker',
  'deleteWorker',
  'addNonce',
  'listNonces',
  'getNonce',
  'deleteNonce',
  'listExecutions',
  'addExecution',
  'getExecution',
  'getOneExecutionResult',
  'getExecutionLogs',
] as const;

const EXTRA_OPERATION_NAMES = ['deleteMessages', 'sendSynchronousMessage', 'deleteExecution'];

/** A client that records the name of every method called on it. */
function recordingClient(origin: string, called: string[]): ActorsClient {
  return new Proxy(new ActorsClient({ baseUrl: origin }), {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        called.push(key);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('the seed operations', () => {
  it('lists 25 distinct names', () => {
    expect(new Set(SEED_OPERATION_NAMES).size).toBe(25);
  });

  it.each(SEED_OPERATION_NAMES)('ActorsClient has a method %s', (name) => {
    expect(typeof ActorsClient.prototype[name]).toBe('function');
  });

  it.each(EXTRA_OPERATION_NAMES)('ActorsClient has the extra method %s', (name) => {
    expect(typeof (ActorsClient.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
  });

  it('has one table case per seed operation, in the seed order', () => {
    expect(SEED_CASES.map((c) => c.name)).toEqual([...SEED_OPERATION_NAMES]);
    expect(EXTRA_CASES.map((c) => c.name)).toEqual(expect.arrayContaining(EXTRA_OPERATION_NAMES));
  });

  it('exercises every seed operation against a server, each calling its own method', async () => {
    await using server = await FakeServer.start();
    const called: string[] = [];
    const client = recordingClient(server.origin, called);
    for (const op of SEED_CASES) {
      server.reply(op.camel);
      expect(await op.call(client)).toEqual(op.expected);
      const request = server.requests.at(-1);
      expect(request).toBeDefined();
      expectRequest(request!, op, '/actors/v2');
      expect(called.at(-1)).toBe(op.name);
    }
    expect(called).toEqual([...SEED_OPERATION_NAMES]);
    expect(server.requests).toHaveLength(25);
  });
});

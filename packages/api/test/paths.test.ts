import { describe, expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { envelope, FakeServer } from './fake-server.js';
import { actor, alias, execution, nonce } from './fixtures-camel.js';

describe('path segments', () => {
  it('are encoded, so an id cannot reach another route', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(actor), envelope(execution));
    const client = new ActorsClient({ baseUrl: server.origin });
    await client.get('a/b c');
    await client.getExecution('a?x', 'e#1');
    expect(server.requests.map((r) => r.path)).toEqual([
      '/actors/v2/a%2Fb%20c',
      '/actors/v2/a%3Fx/executions/e%231',
    ]);
    expect(server.requests.map((r) => r.query)).toEqual([{}, {}]);
  });

  it('keep the dots of an alias used in place of an actor id', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(alias), envelope(actor));
    const client = new ActorsClient({ baseUrl: server.origin, flavour: 'v3' });
    await client.getAlias('word.count.v2');
    await client.get('word.count.v2');
    expect(server.requests.map((r) => r.path)).toEqual([
      '/v3/actors/aliases/word.count.v2',
      '/v3/actors/word.count.v2',
    ]);
  });
});

describe('defaults', () => {
  it('list and listExecutions page with the seed defaults', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope([]), envelope({ actorId: 'a1', ids: [] }));
    const client = new ActorsClient({ baseUrl: server.origin });
    expect(await client.list()).toEqual([]);
    const summary = await client.listExecutions('a1');
    expect(server.requests.map((r) => r.query)).toEqual([
      { limit: '250', offset: '0' },
      { limit: '250', offset: '0' },
    ]);
    expect(summary).toMatchObject({ actorId: 'a1', ids: [], executions: [], totalExecutions: 0 });
  });

  it('addWorker asks for one worker and accepts an answer without a list', async () => {
    await using server = await FakeServer.start();
    server.reply(envelope(null), envelope('Workers requested.'));
    const client = new ActorsClient({ baseUrl: server.origin });
    expect(await client.addWorker('a1')).toBeNull();
    expect(await client.addWorker('a1', { num: 3 })).toBeNull();
    expect(server.requests.map((r) => JSON.parse(r.body.toString()))).toEqual([{ num: 1 }, { num: 3 }]);
  });

  it('addNonce sends an empty body when given nothing, and a message body may be any JSON value', async () => {
    await using server = await FakeServer.start();
    const sent = { executionId: 'e1', msg: null };
    server.reply(envelope(nonce));
    server.reply(envelope(sent), envelope(sent), envelope(sent));
    const client = new ActorsClient({ baseUrl: server.origin });
    await client.addNonce('a1');
    await client.sendMessage('a1', [1, 'two']);
    await client.sendMessage('a1', 42);
    await client.sendMessage('a1', { message: 'seed form' });
    expect(server.requests.map((r) => JSON.parse(r.body.toString()))).toEqual([
      {},
      [1, 'two'],
      42,
      { message: 'seed form' },
    ]);
  });
});

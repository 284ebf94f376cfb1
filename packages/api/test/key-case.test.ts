import { describe, expect, it } from 'vitest';
import { ActorsClient } from '../src/index.js';
import { FakeServer } from './fake-server.js';
import { ALL_CASES } from './operations.js';

describe('answers in snake_case', () => {
  it.each(ALL_CASES)('$name normalises to the same shape as a camelCase answer', async (op) => {
    await using server = await FakeServer.start();
    server.reply(op.snake, op.camel);
    const client = new ActorsClient({ baseUrl: server.origin });
    const fromSnake = await op.call(client);
    const fromCamel = await op.call(client);
    expect(fromSnake).toEqual(fromCamel);
    expect(fromSnake).toEqual(op.expected);
  });

  it('leaves the keys of user data alone', async () => {
    await using server = await FakeServer.start();
    const [getCase, stateCase, sendCase] = ['get', 'getState', 'sendMessage'].map((n) =>
      ALL_CASES.find((c) => c.name === n),
    );
    server.reply(getCase!.snake, stateCase!.snake, sendCase!.snake);
    const client = new ActorsClient({ baseUrl: server.origin });
    const actor = await client.get('a');
    const state = await client.getState('a');
    const sent = await client.sendMessage('a', 'x');
    expect(Object.keys(actor.defaultEnvironment)).toEqual(['MY_VAR', 'some_key', 'camelKey']);
    expect(state.state).toEqual({ some_key: 1, nested_obj: { inner_key: [1, 2] } });
    expect(sent.msg).toEqual({ some_key: 1, nestedKey: { inner_key: true } });
    expect(sent.executionId).toBe('ZQ1zpX0wYb7aK');
  });
});

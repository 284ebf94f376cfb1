import { describe, expect, it } from 'vitest';
import { toCamelKeys, toSnakeKeys } from './case.js';

describe('key case', () => {
  it('converts service keys and leaves user data alone', () => {
    const snake = {
      actor_id: 'a',
      default_environment: { MY_VAR: '1' },
      state: { some_key: 1 },
      _links: { self: 'x' },
    };
    expect(toCamelKeys(snake)).toEqual({
      actorId: 'a',
      defaultEnvironment: { MY_VAR: '1' },
      state: { some_key: 1 },
      _links: { self: 'x' },
    });
    expect(toSnakeKeys(toCamelKeys(snake))).toEqual(snake);
  });
});

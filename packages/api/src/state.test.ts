import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { ActorStateSchema } from './state.js';

describe('ActorStateSchema', () => {
  it('holds any JSON value as state, untouched', () => {
    const value = { some_key: 1, nested_obj: { inner_key: [1, null, 'x'] } };
    expect(ActorStateSchema.parse({ actorId: 'a1', state: value })).toEqual({ actorId: 'a1', state: value });
    expect(ActorStateSchema.parse({ state: 'plain text' })).toEqual({ state: 'plain text' });
    expect(ActorStateSchema.parse({ state: {} })).toEqual({ state: {} });
  });

  it('rejects a non-string actorId at the field', () => {
    expectIssueAt(ActorStateSchema, { actorId: 1, state: {} }, ['actorId']);
    expect(ActorStateSchema.safeParse('state').success).toBe(false);
  });
});

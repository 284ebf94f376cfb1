import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { ActorStateDisplaySchema, ActorStateSchema } from './state.js';

describe('ActorStateSchema', () => {
  it('holds any JSON value as state, untouched', () => {
    const value = { some_key: 1, nested_obj: { inner_key: [1, null, 'x'] } };
    expect(ActorStateSchema.parse({ state: value })).toEqual({ state: value });
    expect(ActorStateSchema.parse({ state: 'plain text' })).toEqual({ state: 'plain text' });
    expect(ActorStateSchema.parse({ state: {} })).toEqual({ state: {} });
  });

  it('keeps the actor keys of an updateState answer', () => {
    expect(ActorStateSchema.parse({ id: 'a1', image: 'i', state: { n: 1 } })).toEqual({
      id: 'a1',
      image: 'i',
      state: { n: 1 },
    });
    expect(ActorStateSchema.safeParse('state').success).toBe(false);
  });

  it('the display schema is exactly {state}', () => {
    expect(ActorStateDisplaySchema.parse({ state: [1] })).toEqual({ state: [1] });
    expectIssueAt(ActorStateDisplaySchema, { actorId: 'a1', state: {} }, []);
  });
});

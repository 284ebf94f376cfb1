import { describe, expect, it } from 'vitest';
import { asChanges, diffState, formatChange } from './state-diff.js';

describe('diffState', () => {
  it('names what was added, removed and changed, by path, as actorkit dev writes it', () => {
    const changes = diffState(
      { count: 1, old: true, user: { name: 'a' } },
      { count: 2, user: { name: 'b', age: 3 } },
    );
    expect(changes.map(formatChange)).toEqual([
      '~ count: 1 → 2',
      '- old (was true)',
      '+ user.age = 3',
      '~ user.name: "a" → "b"',
    ]);
  });

  it('walks arrays of the same length by index, and replaces the rest whole', () => {
    expect(diffState({ a: [1, 2] }, { a: [1, 3] }).map(formatChange)).toEqual(['~ a[1]: 2 → 3']);
    expect(diffState({ a: [1] }, { a: [1, 2] }).map(formatChange)).toEqual(['~ a: [1] → [1,2]']);
  });

  it('finds no change in an equal state, and the whole state when its kind changes', () => {
    expect(diffState({ a: 1 }, { a: 1 })).toEqual([]);
    expect(diffState({}, 5).map(formatChange)).toEqual(['~ (state): {} → 5']);
  });

  it('accepts a diff from the dev loop only in the expected shape', () => {
    expect(asChanges([{ path: 'a', op: 'added', after: 1 }])).toHaveLength(1);
    expect(asChanges([{ path: 'a', op: 'moved' }])).toBeNull();
    expect(asChanges('nope')).toBeNull();
  });
});

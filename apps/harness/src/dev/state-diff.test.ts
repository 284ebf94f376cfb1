import { describe, expect, it } from 'vitest';
import { diffState } from './state-diff.js';

describe('diffState', () => {
  it('names added, removed and changed paths, nested and in arrays', () => {
    expect(diffState({ a: 1, b: { c: 2 }, l: [1, 2] }, { a: 2, b: { d: 3 }, l: [1, 5] })).toEqual([
      { path: 'a', op: 'changed', before: 1, after: 2 },
      { path: 'b.c', op: 'removed', before: 2 },
      { path: 'b.d', op: 'added', after: 3 },
      { path: 'l[1]', op: 'changed', before: 2, after: 5 },
    ]);
  });
  it('is empty for equal states and whole-value for type changes', () => {
    expect(diffState({ a: [1] }, { a: [1] })).toEqual([]);
    expect(diffState({}, 3)).toEqual([{ path: '(state)', op: 'changed', before: {}, after: 3 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { executionBriefs, permissionEntries } from './loose.js';

describe('permissionEntries', () => {
  it('reads the flat map the service answers, and the older {permissions: {...}}', () => {
    expect(permissionEntries({ bob: 'READ', alice: 'UPDATE' })).toEqual([
      ['alice', 'UPDATE'],
      ['bob', 'READ'],
    ]);
    expect(permissionEntries({ permissions: { alice: 'UPDATE' } })).toEqual([['alice', 'UPDATE']]);
    expect(permissionEntries(null)).toEqual([]);
  });
});

describe('executionBriefs', () => {
  it('lists the newest first, from `executions`, else from `ids`', () => {
    const summary = {
      executions: [
        { id: 'a', status: 'COMPLETE', messageReceivedTime: '2026-01-01T10:00:00.000Z' },
        { id: 'b', status: 'RUNNING', messageReceivedTime: '2026-01-01T10:00:05.000Z' },
      ],
    };
    expect(executionBriefs(summary).map((b) => b.id)).toEqual(['b', 'a']);
    expect(executionBriefs({ ids: ['x', 'y'] }).map((b) => b.id)).toEqual(['y', 'x']);
    expect(executionBriefs(undefined)).toEqual([]);
  });
});

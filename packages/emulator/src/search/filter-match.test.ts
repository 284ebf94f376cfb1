import { describe, expect, it } from 'vitest';
import { conditionsFor } from './field-filters.js';
import { matchesAll, resolvePath } from './filter-match.js';

const doc = {
  id: 'abc',
  status: 'COMPLETE',
  runtime: 7,
  stateless: true,
  name: null,
  hints: ['fast', 'v2'],
  start_time: new Date('2024-03-01T12:00:00Z'),
  final_state: { ExitCode: 0, StartedAt: new Date('2024-03-01T12:00:00.500Z') },
  mounts: [{ host_path: '/a' }, { host_path: '/b' }],
  default_environment: { MODE: 'x' },
};

const matches = (key: string, value: string) => matchesAll(doc, conditionsFor(key, value));

describe('matching a document', () => {
  it('compares equality by kind: the float 7 is not the string "7"', () => {
    expect(matches('runtime', '7')).toBe(true);
    expect(matches('runtime', '"7"')).toBe(false);
    expect(matches('status', 'COMPLETE')).toBe(true);
    expect(matches('status', 'complete')).toBe(false);
    expect(matches('stateless', 'true')).toBe(true);
    expect(matches('stateless', '1')).toBe(false);
  });

  it('reads a missing field as null: none matches it and null fields, .neq none excludes them', () => {
    expect(matches('name', 'none')).toBe(true);
    expect(matches('nothing_here', 'none')).toBe(true);
    expect(matches('nothing_here.neq', 'none')).toBe(false);
    expect(matches('id.neq', 'none')).toBe(true);
  });

  it('orders numbers with numbers and datetimes as instants, never across kinds', () => {
    expect(matches('runtime.gt', '6')).toBe(true);
    expect(matches('runtime.gte', '7')).toBe(true);
    expect(matches('runtime.lt', '7')).toBe(false);
    expect(matches('runtime.lte', '7')).toBe(true);
    expect(matches('status.gt', '1')).toBe(false);
    expect(matches('start_time.gte', '2024-03-01T12:00Z')).toBe(true);
    expect(matches('start_time.gt', '2024-03-01T12:00Z')).toBe(false);
    expect(matches('start_time.lt', '2024-03-01T13:00+02:00')).toBe(false);
    expect(matches('start_time.lt', '2024-03-01T13:00-02:00')).toBe(true);
    expect(matches('start_time.between', '2024-03,2024-04')).toBe(true);
    expect(matches('runtime.between', '8,9')).toBe(false);
  });

  it('reaches nested fields with dotted paths, through arrays too', () => {
    expect(matches('final_state.ExitCode', '0')).toBe(true);
    expect(matches('final_state.StartedAt.gt', '2024-03-01T12:00:00.4')).toBe(true);
    expect(matches('default_environment.MODE', 'x')).toBe(true);
    expect(matches('mounts.host_path', '/b')).toBe(true);
    expect(matches('mounts.0.host_path', '/b')).toBe(false);
    expect(resolvePath(doc, ['mounts', 'host_path'])).toEqual(['/a', '/b']);
  });

  it('matches an array field by one of its elements, or as a whole', () => {
    expect(matches('hints', 'v2')).toBe(true);
    expect(matches('hints', '["fast","v2"]')).toBe(true);
    expect(matches('hints.in', '["v2","x"]')).toBe(true);
    expect(matches('hints.nin', '["v2"]')).toBe(false);
    expect(matches('hints.neq', 'fast')).toBe(false);
  });

  it('applies .in, .nin and .neq by equality', () => {
    expect(matches('status.in', "['READY','COMPLETE']")).toBe(true);
    expect(matches('status.nin', "['READY','COMPLETE']")).toBe(false);
    expect(matches('status.neq', 'READY')).toBe(true);
  });

  it('applies .like as an unanchored, case-sensitive regex on strings only; .nlike is its negation', () => {
    expect(matches('status.like', 'PLE')).toBe(true);
    expect(matches('status.like', 'ple')).toBe(false);
    expect(matches('status.like', '^COMP.*E$')).toBe(true);
    expect(matches('runtime.like', '7')).toBe(false);
    expect(matches('status.nlike', 'PLE')).toBe(false);
    expect(matches('runtime.nlike', '7')).toBe(true);
    expect(matches('hints.like', '^v')).toBe(true);
  });

  it('ANDs every condition', () => {
    expect(matchesAll(doc, [...conditionsFor('status', 'COMPLETE'), ...conditionsFor('runtime', '7')])).toBe(
      true,
    );
    expect(matchesAll(doc, [...conditionsFor('status', 'COMPLETE'), ...conditionsFor('runtime', '8')])).toBe(
      false,
    );
  });
});

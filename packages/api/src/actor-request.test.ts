import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { ActorRequestSchema, EnvironmentSchema, HintsSchema, MemLimitSchema } from './actor.js';

const image = 'abacosamples/wc';

describe('ActorRequestSchema', () => {
  it('parses a JSON body', () => {
    const body = {
      image,
      name: 'wc',
      stateless: false,
      maxWorkers: 2,
      defaultEnvironment: { K: 'v' },
      hints: ['a'],
    };
    expect(ActorRequestSchema.parse(body)).toEqual(body);
  });

  it('coerces the form spellings of every typed field', () => {
    const form = {
      image,
      stateless: 'false',
      privileged: 'True',
      token: '0',
      useContainerUid: 'yes',
      cronOn: 'false',
      force: 'true',
      runAsExecutor: 'false',
      maxWorkers: '2',
      maxCpus: '1000000000',
      logEx: '3600',
      defaultEnvironment: '{"MY_VAR":"x","N":1,"B":true}',
      hints: 'sync, v2',
    };
    expect(ActorRequestSchema.parse(form)).toEqual({
      image,
      stateless: false,
      privileged: true,
      token: false,
      useContainerUid: true,
      cronOn: false,
      force: true,
      runAsExecutor: false,
      maxWorkers: 2,
      maxCpus: 1_000_000_000,
      logEx: 3600,
      defaultEnvironment: { MY_VAR: 'x', N: '1', B: 'true' },
      hints: ['sync', 'v2'],
    });
  });

  it('requires an image', () => {
    expectIssueAt(ActorRequestSchema, {}, ['image']);
    expectIssueAt(ActorRequestSchema, { image: '  ' }, ['image'], /image is required/);
  });

  it.each([
    ['stateless', 'perhaps'],
    ['privileged', 3],
    ['token', 'nope'],
    ['maxWorkers', 'two'],
    ['maxWorkers', -1],
    ['maxWorkers', 1.5],
    ['maxCpus', -1],
    ['logEx', '0'],
    ['name', 'n'.repeat(257)],
    ['description', 42],
    ['defaultEnvironment', 'K=v'],
    ['defaultEnvironment', ['K']],
    ['memLimit', 'lots'],
    ['hints', 5],
    ['cronSchedule', true],
    ['webhook', {}],
  ])('rejects %s = %j with an issue at that field', (field, value) => {
    expectIssueAt(ActorRequestSchema, { image, [field]: value }, [field]);
  });

  it('names the environment key whose value is not a scalar', () => {
    expectIssueAt(ActorRequestSchema, { image, defaultEnvironment: { OK: 'x', BAD: { a: 1 } } }, [
      'defaultEnvironment',
      'BAD',
    ]);
  });

  it('accepts maxWorkers 0, which the service reads as not set', () => {
    expect(ActorRequestSchema.parse({ image, maxWorkers: 0 })).toEqual({ image, maxWorkers: 0 });
  });

  it('ignores unknown fields', () => {
    expect(ActorRequestSchema.parse({ image, colour: 'blue' })).toEqual({ image });
  });
});

describe('hints', () => {
  it('accept a list, JSON text or a comma list', () => {
    expect(HintsSchema.parse(['sync', 'v2'])).toEqual(['sync', 'v2']);
    expect(HintsSchema.parse('["sync","v2"]')).toEqual(['sync', 'v2']);
    expect(HintsSchema.parse('sync,v2')).toEqual(['sync', 'v2']);
  });

  it.each([['a"b'], ["it's"], ['[x]'], ['{x}']])('reject a hint with quotes or brackets: %s', (hint) => {
    expectIssueAt(ActorRequestSchema, { image, hints: [hint] }, ['hints'], /quotes or brackets/);
    expectIssueAt(ActorRequestSchema, { image, hints: `ok,${hint}` }, ['hints'], /quotes or brackets/);
  });

  it('reject text that looks like a broken JSON list', () => {
    expectIssueAt(ActorRequestSchema, { image, hints: '["a", "b"' }, ['hints']);
  });
});

describe('memLimit and environment', () => {
  it('memLimit takes Docker notation or a byte count', () => {
    expect(MemLimitSchema.parse('512m')).toBe('512m');
    expect(MemLimitSchema.parse(' 2g ')).toBe('2g');
    expect(MemLimitSchema.parse(1024)).toBe('1024');
    expect(MemLimitSchema.safeParse('2 tb').success).toBe(false);
    expect(MemLimitSchema.safeParse(0).success).toBe(false);
  });

  it('environment values become strings', () => {
    expect(EnvironmentSchema.parse({ A: 'x', B: 2, C: false })).toEqual({ A: 'x', B: '2', C: 'false' });
    expectIssueAt(EnvironmentSchema, { A: null }, ['A']);
  });
});

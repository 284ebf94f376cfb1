import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { actor } from '../test/fixtures-camel.js';
import { ActorListSchema, ActorSchema, ActorStatusSchema, PRIVILEGED_ACTOR_FIELDS } from './actor.js';

describe('ActorSchema', () => {
  it('parses a complete actor unchanged', () => {
    expect(ActorSchema.parse(actor)).toEqual(actor);
  });

  it('fills in every field beyond the seed when a server leaves them out', () => {
    const seedOnly = {
      id: 'Xm4e8yB7vLDj1',
      image: 'abacosamples/wc',
      description: 'd',
      owner: 'jane',
      status: 'READY',
      privileged: false,
      stateless: true,
      defaultEnvironment: {},
    };
    expect(ActorSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      name: null,
      statusMessage: '',
      token: true,
      useContainerUid: false,
      maxWorkers: null,
      memLimit: null,
      maxCpus: null,
      queue: 'default',
      hints: [],
      link: '',
      webhook: '',
      cronSchedule: null,
      cronOn: false,
      cronNextEx: null,
      logEx: null,
      revision: 1,
      createTime: '',
      lastUpdateTime: '',
      _links: {},
    });
  });

  it('defaults the seed fields too, except id and image', () => {
    const parsed = ActorSchema.parse({ id: 'a', image: 'i' });
    expect(parsed).toMatchObject({
      status: 'SUBMITTED',
      stateless: true,
      privileged: false,
      description: '',
      owner: '',
    });
    expectIssueAt(ActorSchema, { image: 'i' }, ['id']);
    expectIssueAt(ActorSchema, { id: 'a' }, ['image']);
  });

  it('keeps fields it does not know', () => {
    expect(ActorSchema.parse({ id: 'a', image: 'i', gpus: 1 })).toMatchObject({ gpus: 1 });
  });

  it.each([
    ['stateless', 'false'],
    ['defaultEnvironment', { K: 1 }],
    ['revision', 1.5],
    ['hints', 'a,b'],
    ['maxWorkers', '2'],
  ])('rejects %s = %j with an issue at that field', (field, value) => {
    expectIssueAt(
      ActorSchema,
      { ...actor, [field]: value },
      typeof value === 'object' ? [field, 'K'] : [field],
    );
  });

  it('names the index of a bad actor in a list', () => {
    expect(ActorListSchema.parse([actor, actor])).toHaveLength(2);
    expectIssueAt(ActorListSchema, [actor, { ...actor, image: 3 }], [1, 'image']);
  });
});

describe('actor constants', () => {
  it('statuses and privileged fields', () => {
    expect(ActorStatusSchema.options).toEqual(['SUBMITTED', 'READY', 'ERROR', 'SHUTTING_DOWN']);
    expect(ActorStatusSchema.safeParse('RUNNING').success).toBe(false);
    expect([...PRIVILEGED_ACTOR_FIELDS].sort()).toEqual([
      'maxCpus',
      'maxWorkers',
      'memLimit',
      'privileged',
      'queue',
    ]);
  });
});

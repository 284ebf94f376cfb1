import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { actor } from '../test/fixtures-camel.js';
import {
  ActorDisplaySchema,
  ActorListSchema,
  ActorSchema,
  ActorStatusSchema,
  PRIVILEGED_ACTOR_FIELDS,
} from './actor.js';

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
      type: 'none',
      token: false,
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
      state: {},
      mounts: [],
      uid: null,
      gid: null,
      tasdir: null,
      _links: {},
    });
  });

  it('reads a camel-case display with its null fields dropped, and token as a config string', () => {
    const shown = { id: 'a', image: 'i', token: 'false', stateless: true, _links: { self: 's' } };
    expect(ActorSchema.parse(shown)).toMatchObject({
      token: 'false',
      name: null,
      maxWorkers: null,
      cronNextEx: null,
      uid: null,
    });
    expect(ActorSchema.parse(shown)).not.toHaveProperty('runAsExecutor');
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
    ['token', 1],
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

describe('ActorDisplaySchema', () => {
  const display = {
    id: 'Xm4e8yB7vLDj1',
    name: null,
    image: 'abacosamples/wc',
    description: '',
    owner: 'jane',
    status: 'SUBMITTED',
    statusMessage: '',
    stateless: true,
    type: 'none',
    link: '',
    token: false,
    webhook: '',
    hints: [],
    privileged: false,
    maxWorkers: null,
    memLimit: null,
    maxCpus: null,
    useContainerUid: false,
    defaultEnvironment: {},
    state: {},
    mounts: [],
    revision: 1,
    queue: 'default',
    logEx: null,
    cronOn: false,
    cronSchedule: null,
    cronNextEx: null,
    createTime: '2024-05-01T12:00:00.100Z',
    lastUpdateTime: '2024-05-01T12:00:00',
    uid: null,
    gid: null,
    tasdir: null,
    _links: { self: 's', owner: 'o', executions: 'e' },
  };

  it('accepts exactly the display keys', () => {
    expect(ActorDisplaySchema.parse(display)).toEqual(display);
    expect(ActorDisplaySchema.parse({ ...display, runAsExecutor: false })).toHaveProperty('runAsExecutor');
  });

  it.each(['tenant', 'dbId', 'apiServer'])('rejects a %s key', (key) => {
    expectIssueAt(ActorDisplaySchema, { ...display, [key]: 'x' }, []);
  });

  it('is the client schema without its defaults: the same keys', () => {
    expect(Object.keys(ActorSchema.shape).sort()).toEqual(Object.keys(ActorDisplaySchema.shape).sort());
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

import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { worker } from '../test/fixtures-camel.js';
import {
  ActorWorkerListSchema,
  ActorWorkerSchema,
  AddWorkersRequestSchema,
  WORKER_STATUSES,
} from './worker.js';

describe('worker schemas', () => {
  it('AddWorkersRequestSchema defaults num to 1 and reads form text', () => {
    expect(AddWorkersRequestSchema.parse({})).toEqual({ num: 1 });
    expect(AddWorkersRequestSchema.parse({ num: '3' })).toEqual({ num: 3 });
    expectIssueAt(AddWorkersRequestSchema, { num: 0 }, ['num'], /at least 1/);
    expectIssueAt(AddWorkersRequestSchema, { num: 'many' }, ['num']);
  });

  it('parses a complete worker unchanged', () => {
    expect(ActorWorkerSchema.parse(worker)).toEqual(worker);
  });

  it('fills in the fields beyond the seed', () => {
    const seedOnly = {
      id: 'w1',
      cid: 'c',
      hostId: '0',
      hostIp: '172.17.0.1',
      image: 'i',
      lastExecution: 0,
      location: 'unix://var/run/docker.sock',
      status: 'READY',
      tenant: 'DEV',
    };
    expect(ActorWorkerSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      lastExecutionTime: null,
      createTime: null,
      lastHealthCheckTime: null,
      _links: {},
    });
  });

  it('rejects wrong types at the field', () => {
    expectIssueAt(ActorWorkerSchema, { ...worker, status: 1 }, ['status']);
    expectIssueAt(ActorWorkerSchema, { ...worker, hostIp: 17 }, ['hostIp']);
    expectIssueAt(ActorWorkerListSchema, [worker, { ...worker, id: undefined }], [1, 'id']);
  });

  it('lists the statuses the service reports', () => {
    expect(WORKER_STATUSES).toContain('READY');
    expect(WORKER_STATUSES).toContain('BUSY');
  });
});

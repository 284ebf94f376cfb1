import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { worker, workerRead } from '../test/fixtures-camel.js';
import {
  ActorWorkerListSchema,
  ActorWorkerSchema,
  AddWorkersRequestSchema,
  WORKER_STATUSES,
  WorkerDisplaySchema,
} from './worker.js';

describe('worker schemas', () => {
  it('AddWorkersRequestSchema defaults num to 1, reads 0 as 1 (as the service does) and reads form text', () => {
    expect(AddWorkersRequestSchema.parse({})).toEqual({ num: 1 });
    expect(AddWorkersRequestSchema.parse({ num: 0 })).toEqual({ num: 1 });
    expect(AddWorkersRequestSchema.parse({ num: '3' })).toEqual({ num: 3 });
    expectIssueAt(AddWorkersRequestSchema, { num: -1 }, ['num'], /negative/);
    expectIssueAt(AddWorkersRequestSchema, { num: 'many' }, ['num']);
  });

  it("parses a complete worker, adding only the seed's lastExecution", () => {
    expect(ActorWorkerSchema.parse(worker)).toEqual(workerRead);
  });

  it("the display schema takes exactly the service's keys: no actorId, no _links", () => {
    expect(WorkerDisplaySchema.parse(worker)).toEqual(worker);
    expectIssueAt(WorkerDisplaySchema, { ...worker, actorId: 'a1' }, []);
    expectIssueAt(WorkerDisplaySchema, { ...worker, _links: {} }, []);
    expectIssueAt(WorkerDisplaySchema, { ...worker, chName: undefined }, ['chName']);
  });

  it('keeps what a seed server sends and fills in the rest, "None" times as null', () => {
    const seedOnly = {
      id: 'w1',
      actorId: 'a1',
      cid: 'c',
      hostId: '0',
      hostIp: '172.17.0.1',
      image: 'i',
      lastExecution: 0,
      lastExecutionTime: 'None',
      location: 'unix://var/run/docker.sock',
      status: 'READY',
      tenant: 'DEV',
      _links: { self: 'x' },
    };
    expect(ActorWorkerSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      chName: '',
      lastExecutionTime: null,
      createTime: null,
      lastHealthCheckTime: null,
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

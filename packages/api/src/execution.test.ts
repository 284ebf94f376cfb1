import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { execution, executionsSummary, logs } from '../test/fixtures-camel.js';
import {
  AddExecutionRequestSchema,
  ExecutionBriefSchema,
  ExecutionLogsSchema,
  ExecutionSchema,
  ExecutionsSummarySchema,
  ExecutionStatusSchema,
  FINAL_EXECUTION_STATUSES,
} from './execution.js';

describe('ExecutionSchema', () => {
  it('parses a complete execution unchanged, Docker state included', () => {
    expect(ExecutionSchema.parse(execution)).toEqual(execution);
  });

  it('fills in the fields beyond the seed', () => {
    const seedOnly = {
      id: 'e1',
      actorId: 'a1',
      owner: 'jane',
      status: 'SUBMITTED',
      runtime: 0,
      cpu: 0,
      io: 0,
    };
    expect(ExecutionSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      workerId: null,
      executor: '',
      statusMessage: '',
      exitCode: null,
      finalState: null,
      messageReceivedTime: null,
      startTime: null,
      finishTime: null,
      _links: {},
    });
  });

  it('rejects wrong types at the field', () => {
    expectIssueAt(ExecutionSchema, { ...execution, runtime: '2100' }, ['runtime']);
    expectIssueAt(ExecutionSchema, { ...execution, exitCode: 0.5 }, ['exitCode']);
    expectIssueAt(ExecutionSchema, { ...execution, finalState: 'exited' }, ['finalState']);
    expectIssueAt(ExecutionSchema, { id: 'e1', status: 'COMPLETE' }, ['actorId']);
  });

  it('knows the statuses and which are final', () => {
    expect(ExecutionStatusSchema.options).toEqual(['SUBMITTED', 'RUNNING', 'COMPLETE', 'ERROR']);
    expect(FINAL_EXECUTION_STATUSES).toEqual(['COMPLETE', 'ERROR']);
  });
});

describe('ExecutionsSummarySchema', () => {
  it('parses a complete summary unchanged', () => {
    expect(ExecutionsSummarySchema.parse(executionsSummary)).toEqual(executionsSummary);
  });

  it('fills in the fields beyond the seed', () => {
    const seedOnly = { actorId: 'a1', owner: 'jane', ids: ['e1'], totalCpu: 1, totalIo: 2, totalRuntime: 3 };
    expect(ExecutionsSummarySchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      executions: [],
      totalExecutions: 0,
      _links: {},
    });
  });

  it('rejects wrong types at the field, nested ones by index', () => {
    expectIssueAt(ExecutionsSummarySchema, { ...executionsSummary, ids: 'e1' }, ['ids']);
    expectIssueAt(ExecutionsSummarySchema, { ...executionsSummary, executions: [{ id: 'e1' }] }, [
      'executions',
      0,
      'status',
    ]);
    expectIssueAt(ExecutionBriefSchema, { id: 'e1', status: 'RUNNING', startTime: 5 }, ['startTime']);
  });
});

describe('addExecution and logs', () => {
  it('AddExecutionRequestSchema takes runtime, cpu and io as numbers or text', () => {
    expect(AddExecutionRequestSchema.parse({ runtime: '2100', cpu: 1200, io: '8' })).toEqual({
      runtime: 2100,
      cpu: 1200,
      io: 8,
    });
    expectIssueAt(AddExecutionRequestSchema, { runtime: -1, cpu: 0, io: 0 }, ['runtime'], /milliseconds/);
    expectIssueAt(AddExecutionRequestSchema, { runtime: 0, cpu: 'x', io: 0 }, ['cpu']);
    expectIssueAt(AddExecutionRequestSchema, { runtime: 0, cpu: 0 }, ['io']);
  });

  it('ExecutionLogsSchema holds the text', () => {
    expect(ExecutionLogsSchema.parse(logs)).toEqual(logs);
    expect(ExecutionLogsSchema.parse({ logs: '' })).toEqual({ logs: '', _links: {} });
    expectIssueAt(ExecutionLogsSchema, { logs: null }, ['logs']);
  });
});

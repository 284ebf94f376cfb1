import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { execution, executionsSummary, executionsSummaryRead, logs } from '../test/fixtures-camel.js';
import {
  AddExecutionRequestSchema,
  ExecutionBriefSchema,
  ExecutionDisplaySchema,
  ExecutionLogsDisplaySchema,
  ExecutionLogsSchema,
  ExecutionSchema,
  ExecutionsSummaryDisplaySchema,
  ExecutionsSummarySchema,
  ExecutionStatusSchema,
  FINAL_EXECUTION_STATUSES,
  isoFromDisplayTime,
} from './execution.js';

describe('ExecutionSchema', () => {
  it('parses a complete execution unchanged, Docker state included', () => {
    expect(ExecutionSchema.parse(execution)).toEqual(execution);
  });

  it('fills in what a camel-case server leaves out, and keeps the seed keys a server still sends', () => {
    const seedOnly = {
      id: 'e1',
      actorId: 'a1',
      owner: 'jane',
      statusMessage: 'why',
      status: 'SUBMITTED',
      runtime: 0,
      cpu: 0,
      io: 0,
    };
    expect(ExecutionSchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      apiServer: '',
      workerId: null,
      executor: '',
      exitCode: null,
      finalState: null,
      messageReceivedTime: null,
      startTime: null,
      finishTime: null,
      _links: {},
    });
  });

  it("reads the service's display_time forms as ISO 8601 in UTC", () => {
    expect(isoFromDisplayTime('2024-05-01T12:00:00.123Z')).toBe('2024-05-01T12:00:00.123Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00.12Z0')).toBe('2024-05-01T12:00:00.120Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00.1Z00')).toBe('2024-05-01T12:00:00.100Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00.Z123')).toBe('2024-05-01T12:00:00.000Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00.123456')).toBe('2024-05-01T12:00:00.123Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00')).toBe('2024-05-01T12:00:00.000Z');
    expect(isoFromDisplayTime('2024-05-01T12:00:00+02:00')).toBe('2024-05-01T12:00:00+02:00');
    const parsed = ExecutionSchema.parse({ ...execution, startTime: '2024-05-01T12:00:00.12Z0' });
    expect(parsed.startTime).toBe('2024-05-01T12:00:00.120Z');
  });

  it('reads the service\'s "None" times as null', () => {
    const parsed = ExecutionSchema.parse({ ...execution, startTime: 'None', finishTime: 'None' });
    expect(parsed).toMatchObject({
      startTime: null,
      finishTime: null,
      messageReceivedTime: execution.startTime,
    });
  });

  it("the display schema takes exactly the service's keys", () => {
    expect(ExecutionDisplaySchema.parse(execution)).toEqual(execution);
    expectIssueAt(ExecutionDisplaySchema, { ...execution, owner: 'jane' }, []);
    expectIssueAt(ExecutionDisplaySchema, { ...execution, statusMessage: '' }, []);
    expectIssueAt(ExecutionDisplaySchema, { ...execution, apiServer: undefined }, ['apiServer']);
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
  it("parses a complete summary, deriving the seed's ids from the executions", () => {
    expect(ExecutionsSummarySchema.parse(executionsSummary)).toEqual(executionsSummaryRead);
  });

  it('keeps the ids a seed server sends, and fills in the rest', () => {
    const seedOnly = { actorId: 'a1', owner: 'jane', ids: ['e1'], totalCpu: 1, totalIo: 2, totalRuntime: 3 };
    expect(ExecutionsSummarySchema.parse(seedOnly)).toEqual({
      ...seedOnly,
      apiServer: '',
      executions: [],
      totalExecutions: 0,
      _links: {},
    });
  });

  it("the display schema takes exactly the service's keys, without ids", () => {
    expect(ExecutionsSummaryDisplaySchema.parse(executionsSummary)).toEqual(executionsSummary);
    expectIssueAt(ExecutionsSummaryDisplaySchema, executionsSummaryRead, []);
    expectIssueAt(
      ExecutionsSummaryDisplaySchema,
      { ...executionsSummary, _links: { ...executionsSummary._links, actor: 'x' } },
      ['_links'],
    );
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
    expect(ExecutionLogsDisplaySchema.parse(logs)).toEqual(logs);
    expect(ExecutionLogsSchema.parse({ logs: '' })).toEqual({ logs: '', _links: {} });
    expectIssueAt(ExecutionLogsSchema, { logs: null }, ['logs']);
  });
});

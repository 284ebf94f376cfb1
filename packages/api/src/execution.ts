import { z } from 'zod';
import { formInt } from './coerce.js';
import { LinksSchema, TimeSchema, strictDisplay } from './common.js';

export const EXECUTION_STATUSES = ['SUBMITTED', 'RUNNING', 'COMPLETE', 'ERROR'] as const;
export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;
export const FINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['COMPLETE', 'ERROR'];

/** What `display_time` writes: naive UTC, a fraction only when there is one, each `000` in it replaced by `Z`. */
const DISPLAY_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.([0-9Z]{1,12}))?Z?$/;

/**
 * A time the service displayed, as ISO 8601 in UTC with milliseconds (`2024-05-01T12:00:00.120Z`). The service's
 * `display_time` writes naive UTC (which `Date.parse` would read as local time) and mangles fractions
 * (`.120000` becomes `.12Z0`); other forms (an offset, anything else) are returned unchanged.
 */
export function isoFromDisplayTime(time: string): string {
  const m = DISPLAY_TIME.exec(time);
  if (!m) return time;
  const fraction = (m[2] ?? '').split('Z').join('000').padEnd(3, '0').slice(0, 3);
  return `${m[1]}.${fraction}Z`;
}

/**
 * A displayed time as a client reads it: ISO 8601 in UTC (`isoFromDisplayTime`). The service writes `"None"` for
 * a time not yet reached, other servers null or nothing; all three read as null.
 */
export const displayedTime = () =>
  TimeSchema.nullable()
    .default(null)
    .transform((t) => (t === null || t === 'None' ? null : isoFromDisplayTime(t)));

/**
 * One execution as the service displays it (`Execution.display`: everything but `tenant`, so `apiServer` stays;
 * times through `display_time`). `runtime` in milliseconds, `cpu` in user jiffies, `io` in 512-byte sectors (the
 * seed's units). In camel case a null `workerId`, `exitCode` or `finalState` is left out.
 */
const executionDisplayShape = {
  id: z.string(),
  actorId: z.string(),
  apiServer: z.string(),
  executor: z.string(),
  workerId: z.string().nullable(),
  status: z.string(),
  exitCode: z.number().int().nullable(),
  finalState: z.record(z.string(), z.unknown()).nullable(),
  messageReceivedTime: TimeSchema,
  startTime: TimeSchema,
  finishTime: TimeSchema,
  runtime: z.number(),
  cpu: z.number(),
  io: z.number(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), logs: z.string() }),
};

/** What the emulator answers for an execution: exactly the service's keys. */
export const ExecutionDisplaySchema = strictDisplay(executionDisplayShape);
export type ExecutionDisplay = z.input<typeof ExecutionDisplaySchema>;

/**
 * An execution as a client reads it, from any server: the display's keys, defaulted when a server leaves them out
 * (camel case drops null ones), and the seed's older keys (`owner`, `statusMessage`) when a server still sends them.
 */
export const ExecutionSchema = z.looseObject({
  ...executionDisplayShape,
  apiServer: executionDisplayShape.apiServer.default(''),
  executor: executionDisplayShape.executor.default(''),
  workerId: executionDisplayShape.workerId.default(null),
  exitCode: executionDisplayShape.exitCode.default(null),
  finalState: executionDisplayShape.finalState.default(null),
  messageReceivedTime: displayedTime(),
  startTime: displayedTime(),
  finishTime: displayedTime(),
  runtime: executionDisplayShape.runtime.default(0),
  cpu: executionDisplayShape.cpu.default(0),
  io: executionDisplayShape.io.default(0),
  _links: LinksSchema.default({}),
  owner: z.string().optional(),
  statusMessage: z.string().optional(),
});
export type Execution = z.output<typeof ExecutionSchema>;

/** One line of the executions summary: times through `display_time`. */
const executionBriefShape = {
  id: z.string(),
  status: z.string(),
  startTime: TimeSchema,
  finishTime: TimeSchema,
  messageReceivedTime: TimeSchema,
};
export const ExecutionBriefDisplaySchema = z.strictObject(executionBriefShape);
export const ExecutionBriefSchema = z.looseObject({
  ...executionBriefShape,
  startTime: displayedTime(),
  finishTime: displayedTime(),
  messageReceivedTime: displayedTime(),
});

/** listExecutions: the service's `ExecutionsSummary.display`. */
const executionsSummaryShape = {
  apiServer: z.string(),
  actorId: z.string(),
  owner: z.string(),
  executions: z.array(ExecutionBriefDisplaySchema),
  totalExecutions: z.number().int(),
  totalIo: z.number(),
  totalRuntime: z.number(),
  totalCpu: z.number(),
  _links: z.strictObject({ self: z.string(), owner: z.string() }),
};
export const ExecutionsSummaryDisplaySchema = z.strictObject(executionsSummaryShape);
export type ExecutionsSummaryDisplay = z.input<typeof ExecutionsSummaryDisplaySchema>;

/**
 * The summary as a client reads it. `ids` is the seed's (agavepy's `ExecutionsSummary`): the service does not send
 * it, so it is derived from `executions` when a server leaves it out.
 */
export const ExecutionsSummarySchema = z
  .looseObject({
    ...executionsSummaryShape,
    apiServer: executionsSummaryShape.apiServer.default(''),
    owner: executionsSummaryShape.owner.default(''),
    executions: z.array(ExecutionBriefSchema).default([]),
    totalExecutions: executionsSummaryShape.totalExecutions.default(0),
    totalIo: executionsSummaryShape.totalIo.default(0),
    totalRuntime: executionsSummaryShape.totalRuntime.default(0),
    totalCpu: executionsSummaryShape.totalCpu.default(0),
    _links: LinksSchema.default({}),
    ids: z.array(z.string()).optional(),
  })
  .transform((summary) => ({ ...summary, ids: summary.ids ?? summary.executions.map((e) => e.id) }));
export type ExecutionsSummary = z.output<typeof ExecutionsSummarySchema>;

/** addExecution body: a bare record of a finished execution's usage. */
export const AddExecutionRequestSchema = z.object({
  runtime: formInt().pipe(z.number().int().min(0, 'runtime is milliseconds and may not be negative')),
  cpu: formInt().pipe(z.number().int().min(0, 'cpu is jiffies and may not be negative')),
  io: formInt().pipe(z.number().int().min(0, 'io is 512-byte sectors and may not be negative')),
});
export type AddExecutionRequest = z.input<typeof AddExecutionRequestSchema>;

/** An execution's logs (`ActorExecutionLogsResource.get`). */
const executionLogsShape = {
  logs: z.string(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), execution: z.string() }),
};
export const ExecutionLogsDisplaySchema = z.strictObject(executionLogsShape);
export type ExecutionLogsDisplay = z.input<typeof ExecutionLogsDisplaySchema>;
export const ExecutionLogsSchema = z.looseObject({
  ...executionLogsShape,
  _links: LinksSchema.default({}),
});
export type ExecutionLogs = z.output<typeof ExecutionLogsSchema>;

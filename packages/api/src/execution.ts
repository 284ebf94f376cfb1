import { z } from 'zod';
import { formInt } from './coerce.js';
import { LinksSchema, TimeSchema } from './common.js';

export const EXECUTION_STATUSES = ['SUBMITTED', 'RUNNING', 'COMPLETE', 'ERROR'] as const;
export const ExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ExecutionStatusSchema>;
export const FINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['COMPLETE', 'ERROR'];

/** One execution: `runtime` in milliseconds, `cpu` in user jiffies, `io` in 512-byte sectors (the seed's units). */
export const ExecutionSchema = z.looseObject({
  id: z.string(),
  actorId: z.string(),
  owner: z.string().default(''),
  workerId: z.string().nullable().default(null),
  executor: z.string().default(''),
  status: z.string(),
  statusMessage: z.string().default(''),
  exitCode: z.number().int().nullable().default(null),
  finalState: z.record(z.string(), z.unknown()).nullable().default(null),
  messageReceivedTime: TimeSchema.nullable().default(null),
  startTime: TimeSchema.nullable().default(null),
  finishTime: TimeSchema.nullable().default(null),
  runtime: z.number().default(0),
  cpu: z.number().default(0),
  io: z.number().default(0),
  _links: LinksSchema.default({}),
});
export type Execution = z.output<typeof ExecutionSchema>;

/** One line of the executions summary. */
export const ExecutionBriefSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  messageReceivedTime: TimeSchema.nullable().default(null),
  startTime: TimeSchema.nullable().default(null),
  finishTime: TimeSchema.nullable().default(null),
});

/** listExecutions: the seed's ExecutionsSummary. */
export const ExecutionsSummarySchema = z.looseObject({
  actorId: z.string(),
  owner: z.string().default(''),
  ids: z.array(z.string()),
  executions: z.array(ExecutionBriefSchema).default([]),
  totalExecutions: z.number().int().default(0),
  totalCpu: z.number().default(0),
  totalIo: z.number().default(0),
  totalRuntime: z.number().default(0),
  _links: LinksSchema.default({}),
});
export type ExecutionsSummary = z.output<typeof ExecutionsSummarySchema>;

/** addExecution body: a bare record of a finished execution's usage. */
export const AddExecutionRequestSchema = z.object({
  runtime: formInt().pipe(z.number().int().min(0, 'runtime is milliseconds and may not be negative')),
  cpu: formInt().pipe(z.number().int().min(0, 'cpu is jiffies and may not be negative')),
  io: formInt().pipe(z.number().int().min(0, 'io is 512-byte sectors and may not be negative')),
});
export type AddExecutionRequest = z.input<typeof AddExecutionRequestSchema>;

export const ExecutionLogsSchema = z.looseObject({
  logs: z.string(),
  _links: LinksSchema.default({}),
});
export type ExecutionLogs = z.output<typeof ExecutionLogsSchema>;

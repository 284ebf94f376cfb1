import { z } from 'zod';
import { formInt } from './coerce.js';
import { LinksSchema, TimeSchema } from './common.js';

/** Worker statuses as the service reports them. */
export const WORKER_STATUSES = [
  'REQUESTED',
  'SPAWNER SETUP',
  'CREATING CONTAINER',
  'READY',
  'BUSY',
  'SHUTDOWN_REQUESTED',
  'SHUTTING_DOWN',
  'ERROR',
] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

/** addWorker body: `{num}`, the number of workers to ensure are running. */
export const AddWorkersRequestSchema = z.object({
  num: formInt()
    .pipe(
      z.number().int().min(1, 'num must be at least 1').max(50, 'num may be at most 50 workers at a time'),
    )
    .default(1),
});
export type AddWorkersRequest = z.input<typeof AddWorkersRequestSchema>;

export const ActorWorkerSchema = z.looseObject({
  id: z.string(),
  actorId: z.string().optional(),
  cid: z.string().nullable().default(null),
  hostId: z.string().nullable().default(null),
  hostIp: z.string().nullable().default(null),
  image: z.string().default(''),
  lastExecution: z.union([z.number(), z.string()]).nullable().default(null),
  lastExecutionTime: TimeSchema.nullable().default(null),
  location: z.string().nullable().default(null),
  status: z.string(),
  tenant: z.string().default(''),
  createTime: TimeSchema.nullable().default(null),
  lastHealthCheckTime: TimeSchema.nullable().default(null),
  _links: LinksSchema.default({}),
});
export type ActorWorker = z.output<typeof ActorWorkerSchema>;
export const ActorWorkerListSchema = z.array(ActorWorkerSchema);

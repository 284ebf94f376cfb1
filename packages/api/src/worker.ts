import { z } from 'zod';
import { formInt } from './coerce.js';
import { LinksSchema, TimeSchema, strictDisplay } from './common.js';
import { displayedTime } from './execution.js';

/** Worker statuses as the service reports them; a failed worker shows `ERROR (PREVIOUS <status>)`. */
export const WORKER_STATUSES = [
  'REQUESTED',
  'SPAWNER SETUP',
  'PULLING IMAGE',
  'CREATING CONTAINER',
  'UPDATING STORE',
  'READY',
  'BUSY',
  'SHUTDOWN_REQUESTED',
  'SHUTTING_DOWN',
  'ERROR',
] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

/**
 * addWorker body: `{num}`, the number of workers the actor should have at least. As the service does, a missing or
 * zero `num` means 1.
 */
export const AddWorkersRequestSchema = z.object({
  num: formInt()
    .pipe(
      z.number().int().min(0, 'num may not be negative').max(50, 'num may be at most 50 workers at a time'),
    )
    .transform((n) => (n === 0 ? 1 : n))
    .default(1),
});
export type AddWorkersRequest = z.input<typeof AddWorkersRequestSchema>;

/**
 * A worker as the service displays it (`Worker.display`: nothing removed, so `tenant` stays; no `actorId`, no
 * `_links`; the three times through `display_time`). `cid` is the worker's own container id, set once the worker
 * is READY; in camel case the null fields of a worker not yet up are left out.
 */
const workerDisplayShape = {
  id: z.string(),
  status: z.string(),
  image: z.string(),
  tenant: z.string(),
  cid: z.string().nullable(),
  chName: z.string(),
  location: z.string().nullable(),
  hostId: z.string().nullable(),
  hostIp: z.string().nullable(),
  lastExecutionTime: TimeSchema,
  lastHealthCheckTime: TimeSchema,
  createTime: TimeSchema,
};

/** What the emulator answers for a worker: exactly the service's keys. */
export const WorkerDisplaySchema = strictDisplay(workerDisplayShape);
export type WorkerDisplay = z.input<typeof WorkerDisplaySchema>;
export const WorkerDisplayListSchema = z.array(WorkerDisplaySchema);

/**
 * A worker as a client reads it, from any server: the display's keys, defaulted when left out, and the seed's
 * older keys (`actorId`, `lastExecution`, `_links`) when a server still sends them.
 */
export const ActorWorkerSchema = z.looseObject({
  ...workerDisplayShape,
  image: workerDisplayShape.image.default(''),
  tenant: workerDisplayShape.tenant.default(''),
  cid: workerDisplayShape.cid.default(null),
  chName: workerDisplayShape.chName.default(''),
  location: workerDisplayShape.location.default(null),
  hostId: workerDisplayShape.hostId.default(null),
  hostIp: workerDisplayShape.hostIp.default(null),
  lastExecutionTime: displayedTime(),
  lastHealthCheckTime: displayedTime(),
  createTime: displayedTime(),
  actorId: z.string().optional(),
  lastExecution: z.union([z.number(), z.string()]).nullable().default(null),
  _links: LinksSchema.optional(),
});
export type ActorWorker = z.output<typeof ActorWorkerSchema>;
export const ActorWorkerListSchema = z.array(ActorWorkerSchema);

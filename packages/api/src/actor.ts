import { z } from 'zod';
import { LinksSchema, TimeSchema } from './common.js';
import { formBoolean, formInt, formJsonObject, formStringList } from './coerce.js';

export const ACTOR_STATUSES = ['SUBMITTED', 'READY', 'ERROR', 'SHUTTING_DOWN'] as const;
export const ActorStatusSchema = z.enum(ACTOR_STATUSES);
export type ActorStatus = z.infer<typeof ActorStatusSchema>;

/** Environment values are strings; numbers and booleans are accepted and written as strings. */
export const EnvironmentSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
);
export type Environment = Record<string, string>;

const HINT_FORBIDDEN = /["'[\]{}]/;
export const HintsSchema = formStringList().check((ctx) => {
  for (const hint of ctx.value) {
    if (HINT_FORBIDDEN.test(hint)) {
      ctx.issues.push({
        code: 'custom',
        input: hint,
        message: `hint "${hint}" may not contain quotes or brackets; send plain words such as ["sync", "v2"]`,
      });
    }
  }
});

/** `512m`, `2g`, `1024` (bytes): Docker's memory notation. */
export const MemLimitSchema = z.union([
  z
    .number()
    .int()
    .positive()
    .transform((n) => String(n)),
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*[bkmgBKMG]?$/, 'memLimit must look like 512m, 2g or a number of bytes'),
]);

/**
 * Fields a client may send to register or update an actor. Unknown fields are ignored; wrong types are rejected
 * with the field's name. Form spellings (`stateless=false`, `maxWorkers=2`, `defaultEnvironment={"K":"v"}`) are
 * accepted.
 */
export const ActorRequestSchema = z.object({
  image: z
    .string()
    .trim()
    .min(1, 'image is required: the Docker image the actor runs, e.g. abacosamples/py3_func'),
  name: z.string().max(256).optional(),
  description: z.string().optional(),
  stateless: formBoolean().optional(),
  privileged: formBoolean().optional(),
  defaultEnvironment: formJsonObject(EnvironmentSchema).optional(),
  token: formBoolean().optional(),
  useContainerUid: formBoolean().optional(),
  maxWorkers: formInt().pipe(z.number().int().min(1, 'maxWorkers must be at least 1')).optional(),
  memLimit: MemLimitSchema.optional(),
  maxCpus: formInt()
    .pipe(z.number().int().positive('maxCpus is in nano-CPUs and must be positive'))
    .optional(),
  queue: z.string().optional(),
  hints: HintsSchema.optional(),
  link: z.string().optional(),
  webhook: z.string().optional(),
  cronSchedule: z.string().optional(),
  cronOn: formBoolean().optional(),
  logEx: formInt()
    .pipe(z.number().int().positive('logEx is a number of seconds and must be positive'))
    .optional(),
  runAsExecutor: formBoolean().optional(),
  force: formBoolean().optional(),
});
export type ActorRequest = z.input<typeof ActorRequestSchema>;
export type ActorRequestParsed = z.output<typeof ActorRequestSchema>;

/** Fields that only privileged users and admins may set. */
export const PRIVILEGED_ACTOR_FIELDS = ['privileged', 'maxWorkers', 'maxCpus', 'memLimit', 'queue'] as const;

/** An actor as the service describes it. Fields beyond the seed's default when a server leaves them out. */
export const ActorSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().default(null),
  image: z.string(),
  description: z.string().default(''),
  owner: z.string().default(''),
  status: z.string().default('SUBMITTED'),
  statusMessage: z.string().default(''),
  stateless: z.boolean().default(true),
  privileged: z.boolean().default(false),
  defaultEnvironment: z.record(z.string(), z.string()).default({}),
  token: z.boolean().default(true),
  useContainerUid: z.boolean().default(false),
  maxWorkers: z.number().nullable().default(null),
  memLimit: z.string().nullable().default(null),
  maxCpus: z.number().nullable().default(null),
  queue: z.string().default('default'),
  hints: z.array(z.string()).default([]),
  link: z.string().default(''),
  webhook: z.string().default(''),
  cronSchedule: z.string().nullable().default(null),
  cronOn: z.boolean().default(false),
  cronNextEx: z.string().nullable().default(null),
  logEx: z.number().nullable().default(null),
  revision: z.number().int().default(1),
  createTime: TimeSchema.default(''),
  lastUpdateTime: TimeSchema.default(''),
  tenant: z.string().optional(),
  _links: LinksSchema.default({}),
});
export type Actor = z.output<typeof ActorSchema>;
export const ActorListSchema = z.array(ActorSchema);

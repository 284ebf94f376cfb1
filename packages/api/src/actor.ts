import { z } from 'zod';
import { LinksSchema, TimeSchema, strictDisplay } from './common.js';
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
  // 0 is accepted and means "not set", as the service's truthiness test reads it.
  maxWorkers: formInt().pipe(z.number().int().min(0, 'maxWorkers must be 0 (not set) or more')).optional(),
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

type Shape = Record<string, z.ZodType>;
type Defaults<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };
type WithDefaults<S extends Shape, D> = { [K in keyof S]: K extends keyof D ? z.ZodDefault<S[K]> : S[K] };

/** The same shape with `.default(...)` on the fields named in `defaults` (typed against the shape's fields). */
function withDefaults<S extends Shape, const D extends Defaults<S>>(
  shape: S,
  defaults: D,
): WithDefaults<S, D> {
  const out: Shape = { ...shape };
  for (const [key, value] of Object.entries(defaults)) {
    out[key] = (shape[key] as z.ZodType<unknown>).default(value as never);
  }
  return out as WithDefaults<S, D>;
}

/** uid and gid come from the TACC accounting system when the deployment uses it: a number or its text. */
const UnixIdSchema = z.union([z.number(), z.string()]).nullable();

/**
 * The actor display (`models.py Actor.display`) in camel case: exactly these keys, in the service's order. In camel
 * case the service drops the null-valued ones (`name`, `maxWorkers`, `memLimit`, `maxCpus`, `logEx`,
 * `cronSchedule`, `cronNextEx`, `uid`, `gid`, `tasdir`); snake case keeps them as null. `runAsExecutor` exists on
 * the v3 bases only. `token` is a boolean, or the deployment's default as its raw config text (e.g. `"false"`).
 */
export const actorDisplayShape = {
  id: z.string(),
  name: z.string().nullable(),
  image: z.string(),
  description: z.string(),
  owner: z.string(),
  status: z.string(),
  statusMessage: z.string(),
  stateless: z.boolean(),
  type: z.string(),
  link: z.string(),
  token: z.union([z.boolean(), z.string()]),
  webhook: z.string(),
  hints: z.array(z.string()),
  privileged: z.boolean(),
  maxWorkers: z.number().nullable(),
  memLimit: z.string().nullable(),
  maxCpus: z.number().nullable(),
  useContainerUid: z.boolean(),
  defaultEnvironment: z.record(z.string(), z.string()),
  state: z.unknown(),
  mounts: z.array(z.record(z.string(), z.unknown())),
  revision: z.number().int(),
  queue: z.string(),
  logEx: z.number().nullable(),
  cronOn: z.boolean(),
  cronSchedule: z.string().nullable(),
  cronNextEx: z.string().nullable(),
  createTime: TimeSchema,
  lastUpdateTime: TimeSchema,
  uid: UnixIdSchema,
  gid: UnixIdSchema,
  tasdir: z.string().nullable(),
  runAsExecutor: z.boolean().optional(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), executions: z.string() }),
};

/** What the emulator answers an actor through: the display's keys and nothing else. */
export const ActorDisplaySchema = strictDisplay(actorDisplayShape);
export type ActorDisplay = z.input<typeof ActorDisplaySchema>;

/**
 * An actor as a client reads it, from the same shape: fields a server leaves out (camel case drops nulls; older
 * servers lack some) get the service's defaults, and keys the shape does not name are kept.
 */
export const ActorSchema = z.looseObject({
  ...withDefaults(actorDisplayShape, {
    name: null,
    description: '',
    owner: '',
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
    createTime: '',
    lastUpdateTime: '',
    uid: null,
    gid: null,
    tasdir: null,
  }),
  _links: LinksSchema.default({}),
});
export type Actor = z.output<typeof ActorSchema>;
export const ActorListSchema = z.array(ActorSchema);

import { z } from 'zod';
import {
  LinksSchema,
  PERMISSION_LEVELS,
  PermissionLevelSchema,
  TimeSchema,
  strictDisplay,
  type PermissionLevel,
} from './common.js';
import { levelAmong, pythonTuple } from './permissions.js';

/** The levels an alias nonce may have (`AliasNoncesResource.validate_post`): never UPDATE. */
export const ALIAS_NONCE_LEVELS = ['NONE', 'READ', 'EXECUTE'] as const;

/** The service's text for a bad `maxUses` (`Nonce` creation). */
export const NONCE_MAX_USES_TEXT =
  'The max uses parameter must be a positive integer or -1 (to denote unlimited uses).';

/** The service's text for a nonce level outside `levels`. */
export function nonceLevelText(levels: readonly string[]): string {
  return `Invalid nonce description. The level attribute must be one of: ${pythonTuple(levels)}`;
}

/** -1 (unlimited) or a positive count, as a number or its text (form bodies). */
const MaxUsesSchema = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: NONCE_MAX_USES_TEXT })
    .int({ error: NONCE_MAX_USES_TEXT })
    .refine((n) => n === -1 || n >= 1, NONCE_MAX_USES_TEXT),
);

function nonceRequestSchema(levels: readonly PermissionLevel[]) {
  return z.object({
    level: levelAmong(levels, () => nonceLevelText(levels)).default('EXECUTE'),
    maxUses: MaxUsesSchema.default(-1),
    description: z.string({ error: 'description must be a string' }).default(''),
  });
}

/** addNonce body on an actor. Defaults: level EXECUTE, unlimited uses (-1), no description. */
export const AddNonceRequestSchema = nonceRequestSchema(PERMISSION_LEVELS);
export type AddNonceRequest = z.input<typeof AddNonceRequestSchema>;

/** addAliasNonce body: as on an actor, with level NONE, READ or EXECUTE only. */
export const AddAliasNonceRequestSchema = nonceRequestSchema(ALIAS_NONCE_LEVELS);

/**
 * The nonce display (`models.py Nonce.display`) in camel case: no `tenant`; `lastUseTime` is the string "None"
 * until the first use; `actorId` is null on alias nonces and `alias` null on actor nonces (camel case drops them,
 * snake case keeps them as null); `roles` are the creator's role strings, e.g. `Internal/abaco-admin`.
 */
export const nonceDisplayShape = {
  id: z.string(),
  actorId: z.string().nullable(),
  alias: z.string().nullable(),
  owner: z.string(),
  roles: z.array(z.string()),
  level: PermissionLevelSchema,
  maxUses: z.number().int(),
  description: z.string(),
  apiServer: z.string(),
  createTime: TimeSchema,
  lastUseTime: TimeSchema,
  currentUses: z.number().int(),
  remainingUses: z.number().int(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), actor: z.string() }),
};

/** What the emulator answers a nonce through: the display's keys and nothing else. */
export const NonceDisplaySchema = strictDisplay(nonceDisplayShape);
export type NonceDisplay = z.input<typeof NonceDisplaySchema>;

/**
 * A nonce as a client reads it, from the same shape: what a server leaves out gets a default (camel case drops the
 * null `actorId` / `alias`; older servers lack `apiServer`), `maxUses` may come as text (the seed's), and keys the
 * shape does not name are kept.
 */
export const ActorNonceSchema = z.looseObject({
  ...nonceDisplayShape,
  actorId: nonceDisplayShape.actorId.default(null),
  alias: nonceDisplayShape.alias.default(null),
  owner: nonceDisplayShape.owner.default(''),
  roles: nonceDisplayShape.roles.default([]),
  maxUses: z.coerce.number().int(),
  description: nonceDisplayShape.description.default(''),
  apiServer: nonceDisplayShape.apiServer.optional(),
  createTime: nonceDisplayShape.createTime.default(''),
  lastUseTime: nonceDisplayShape.lastUseTime.nullable().default(null),
  currentUses: nonceDisplayShape.currentUses.default(0),
  _links: LinksSchema.default({}),
});
export type ActorNonce = z.output<typeof ActorNonceSchema>;
export const ActorNonceListSchema = z.array(ActorNonceSchema);

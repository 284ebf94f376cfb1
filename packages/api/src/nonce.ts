import { z } from 'zod';
import { formInt } from './coerce.js';
import { PermissionLevelInputSchema, PermissionLevelSchema, TimeSchema, LinksSchema } from './common.js';

/** addNonce body. `maxUses` -1 means unlimited; 0 and values below -1 are rejected. */
export const AddNonceRequestSchema = z.object({
  level: PermissionLevelInputSchema.default('EXECUTE'),
  maxUses: formInt()
    .refine((n) => n === -1 || n >= 1, 'maxUses must be -1 (unlimited) or a positive number of uses')
    .default(-1),
  description: z.string().default(''),
});
export type AddNonceRequest = z.input<typeof AddNonceRequestSchema>;

export const ActorNonceSchema = z.looseObject({
  id: z.string(),
  actorId: z.string().nullable().default(null),
  alias: z.string().nullable().default(null),
  owner: z.string().default(''),
  roles: z.array(z.string()).default([]),
  level: PermissionLevelSchema,
  maxUses: z.coerce.number().int(),
  currentUses: z.number().int().default(0),
  remainingUses: z.number().int(),
  description: z.string().default(''),
  createTime: TimeSchema.default(''),
  lastUseTime: TimeSchema.nullable().default(null),
  _links: LinksSchema.default({}),
});
export type ActorNonce = z.output<typeof ActorNonceSchema>;
export const ActorNonceListSchema = z.array(ActorNonceSchema);

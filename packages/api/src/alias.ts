import { z } from 'zod';
import { LinksSchema, TimeSchema } from './common.js';

/** Names an alias may not take: they are route words of the service. */
export const RESERVED_ALIAS_NAMES = [
  'executions',
  'nonces',
  'logs',
  'messages',
  'adapters',
  'admin',
] as const;
const ALIAS_PATTERN = /^[A-Za-z0-9._-]+$/;

export const AliasNameSchema = z
  .string()
  .trim()
  .min(1, 'alias is required')
  .max(128, 'alias may be at most 128 characters')
  .regex(ALIAS_PATTERN, 'alias may contain only letters, digits, dots, dashes and underscores')
  .refine((a) => !(RESERVED_ALIAS_NAMES as readonly string[]).includes(a), {
    error: (issue) => `"${String(issue.input)}" is a reserved word and cannot be an alias; pick another name`,
  });

export const AliasRequestSchema = z.object({
  alias: AliasNameSchema,
  actorId: z.string().trim().min(1, 'actorId is required: the id of the actor the alias points at'),
});
export type AliasRequest = z.input<typeof AliasRequestSchema>;

/** PUT /aliases/{alias}: only the target may change. */
export const AliasUpdateRequestSchema = z.object({
  actorId: z.string().trim().min(1, 'actorId is required: the id of the actor the alias points at'),
  alias: z.string().optional(),
});

export const AliasSchema = z.looseObject({
  alias: z.string(),
  actorId: z.string(),
  owner: z.string().default(''),
  createTime: TimeSchema.optional(),
  _links: LinksSchema.default({}),
});
export type Alias = z.output<typeof AliasSchema>;
export const AliasListSchema = z.array(AliasSchema);

import { z } from 'zod';
import { PermissionLevelInputSchema, PermissionLevelSchema } from './common.js';

/** updatePermissions body: `{user, level}`; level NONE revokes; user ABACO_WORLD shares with everyone. */
export const PermissionsUpdateRequestSchema = z.object({
  user: z.string().trim().min(1, 'user is required: the username to grant to, or ABACO_WORLD for everyone'),
  level: PermissionLevelInputSchema,
});
export type PermissionsUpdateRequest = z.input<typeof PermissionsUpdateRequestSchema>;

/** getPermissions / updatePermissions: the dictionary of users and their levels. */
export const ActorPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), PermissionLevelSchema),
});
export type ActorPermissions = z.output<typeof ActorPermissionsSchema>;

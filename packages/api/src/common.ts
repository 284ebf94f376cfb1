import { z } from 'zod';

/** Permission levels, in order: a higher level implies every lower one. */
export const PERMISSION_LEVELS = ['NONE', 'READ', 'EXECUTE', 'UPDATE'] as const;
export const PermissionLevelSchema = z.enum(PERMISSION_LEVELS);
export type PermissionLevel = z.infer<typeof PermissionLevelSchema>;

/** Accepts any case (`read`, `Execute`) on the way in; always the upper-case level on the way out. */
export const PermissionLevelInputSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  PermissionLevelSchema,
);

export function levelRank(level: PermissionLevel): number {
  return PERMISSION_LEVELS.indexOf(level);
}

/** True when `held` grants at least `needed`. */
export function levelAtLeast(held: PermissionLevel, needed: PermissionLevel): boolean {
  return levelRank(held) >= levelRank(needed);
}

/** The user that shares an actor with everyone. */
export const ABACO_WORLD = 'ABACO_WORLD';

export const LinksSchema = z.record(z.string(), z.string());

/** ISO 8601 time, as the service writes it. Kept as a string so nothing is lost between servers. */
export const TimeSchema = z.string();

/** The 13-character alphanumeric ids the service gives actors and executions. */
export const ACTOR_ID_PATTERN = /^[A-Za-z0-9]{13}$/;

export const ROLES = ['admin', 'privileged', 'user', 'limited'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A display shape as it travels: a nullable key may also be absent (camel case drops null-valued keys). */
export type DisplayedShape<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodNullable<z.ZodType> ? z.ZodOptional<S[K]> : S[K];
};

/**
 * The strict schema of a displayed model object (`AbacoDAO.case`): exactly the shape's keys, none other, where a
 * nullable key is `null` in snake case and absent in camel case.
 */
export function strictDisplay<S extends z.ZodRawShape>(
  shape: S,
): z.ZodObject<DisplayedShape<S>, z.core.$strict> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = field instanceof z.ZodNullable ? field.optional() : (field as z.ZodType);
  }
  return z.strictObject(out) as unknown as z.ZodObject<DisplayedShape<S>, z.core.$strict>;
}

import type { Role } from '@actorkit/api';

/** The role strings the service's JWTs carry for each Abaco role (`codes.py`). */
export const ABACO_ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: 'Internal/abaco-admin',
  privileged: 'Internal/abaco-privileged',
  limited: 'Internal/abaco-limited',
  user: 'Internal/abaco-user',
};

/** Strongest first: a caller with several Abaco roles acts with the strongest. */
const PRECEDENCE: readonly Role[] = ['admin', 'privileged', 'limited', 'user'];

/**
 * The Abaco role a list of role strings gives: the strongest one named, or none at all (the service then refuses
 * the request, "Not authorized -- missing required role.").
 */
export function abacoRoles(names: readonly string[]): Role[] {
  const role = PRECEDENCE.find((r) => names.includes(ABACO_ROLE_NAMES[r]));
  return role ? [role] : [];
}

/** The role strings a local user's roles stand for (local users have no JWT to carry them). */
export function roleNamesOf(roles: readonly Role[]): string[] {
  return roles.map((r) => ABACO_ROLE_NAMES[r]);
}

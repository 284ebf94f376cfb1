import { userInfo } from 'node:os';
import type { Role } from '@actorkit/api';

/** A user the emulator knows by a bearer token. */
export interface UserConfig {
  name: string;
  token: string;
  roles: Role[];
}

/** How requests are authenticated. */
export interface AuthConfig {
  /** The local user: admin, so that addWorker works out of the box. `--no-auth` requests act as this user. */
  localUser: UserConfig;
  /** Further users (tests create several). */
  users: UserConfig[];
  /** Read `X-Jwt-Assertion-*` and `X-Tapis-Token` JWTs without checking their signature (local use only). */
  trustJwt: boolean;
  /** Requests without credentials act as the local user. */
  noAuth: boolean;
  /** The tenant of local users; nonce ids start with it. */
  tenant: string;
}

export const DEFAULT_TENANT = 'DEV-DEVELOP';
export const DEFAULT_LOCAL_ROLES: Role[] = ['admin'];

/** The local user's name when none is given: the OS account, or `developer`. */
export function defaultUserName(): string {
  try {
    const name = userInfo().username.trim();
    return name || 'developer';
  } catch (cause) {
    // some containers run as a uid with no passwd entry: fall back to a fixed name
    void cause;
    return 'developer';
  }
}

/** Every user known by token, the local user first. */
export function knownUsers(config: AuthConfig): UserConfig[] {
  return [config.localUser, ...config.users];
}

/** The roles a user name has here (execution tokens act with their owner's roles); `user` when unknown. */
export function rolesOf(config: AuthConfig, name: string): Role[] {
  return knownUsers(config).find((u) => u.name === name)?.roles ?? ['user'];
}

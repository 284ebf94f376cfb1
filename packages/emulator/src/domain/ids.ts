import { randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The length of the ids the real service gives actors, executions and workers. */
export const ID_LENGTH = 13;

/** A random alphanumeric string from crypto randomness. */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A 13-character alphanumeric id, as the service makes them for actors, executions and workers. */
export function newId(): string {
  return randomAlphanumeric(ID_LENGTH);
}

/** A nonce id: `TENANT_<random>`. */
export function newNonceId(tenant: string): string {
  return `${tenant}_${randomAlphanumeric(ID_LENGTH)}`;
}

/** A bearer token: long enough to be unguessable, safe in headers and URLs. */
export function newToken(): string {
  return randomAlphanumeric(40);
}

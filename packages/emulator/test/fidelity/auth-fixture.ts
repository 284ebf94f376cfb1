import type { RunningEmulator } from '../../src/index.js';
import { raw, type RawResponse } from '../api/fixture.js';

// Identities for the auth fidelity tests: v2 JWTs (X-Jwt-Assertion-<TENANT>, wso2 claims), read with --trust-jwt.

export const ADMIN_ROLE = 'Internal/abaco-admin';
export const USER_ROLE = 'Internal/abaco-user';

export function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A caller of one tenant with the given role strings (comma-separated in the claim, as wso2 writes them). */
export interface Caller {
  tenant: string;
  user: string;
  roles: string[];
}

export const caller = (tenant: string, user: string, ...roles: string[]): Caller => ({
  tenant,
  user,
  roles: roles.length ? roles : [USER_ROLE],
});

export function jwtHeaders(who: Caller): Record<string, string> {
  return {
    [`X-Jwt-Assertion-${who.tenant}`]: jwt({
      'http://wso2.org/claims/enduser': `${who.user}@carbon.super`,
      'http://wso2.org/claims/role': who.roles.join(','),
    }),
  };
}

export type Body = { json: unknown } | { form: Record<string, string> } | Record<string, never>;

/** One request as `who` (a JWT caller), or with no credentials at all when `who` is null. */
export function call(
  emu: Pick<RunningEmulator, 'url'>,
  who: Caller | null,
  method: string,
  path: string,
  body: Body = {},
): Promise<RawResponse> {
  const headers = who ? jwtHeaders(who) : {};
  if ('form' in body) return raw(emu, method, path, { headers, body: new URLSearchParams(body.form) });
  if ('json' in body) return raw(emu, method, path, { headers, json: body.json });
  return raw(emu, method, path, { headers });
}

/** The result of a successful call; fails the test with the answer when it was not a success. */
export async function ok<T = Record<string, unknown>>(res: Promise<RawResponse> | RawResponse): Promise<T> {
  const r = await res;
  if (r.status !== 200 || r.json?.status !== 'success') {
    throw new Error(`expected a success, got ${r.status}: ${r.text.slice(0, 500)}`);
  }
  return r.json.result as T;
}

/** Registers an actor as `who` and answers its id. */
export async function actorOf(
  emu: Pick<RunningEmulator, 'url'>,
  who: Caller,
  body: object = {},
): Promise<string> {
  const result = await ok<{ id: string }>(
    call(emu, who, 'POST', '/actors/v2', { json: { image: 'img/fidelity', ...body } }),
  );
  return result.id;
}

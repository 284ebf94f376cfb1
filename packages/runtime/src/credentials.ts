import type { ActorsClientOptions } from '@actorkit/api';
import { ABACO_ENV, FLAVOUR_BASE_PATHS } from '@actorkit/api/container';
import { ActorEnvironmentError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Forces the API flavour: `v2` (Abaco: `Authorization: Bearer`, `/actors/v2`) or `v3` (Tapis: `X-Tapis-Token`, `/v3/actors`). */
export const API_FLAVOUR_ENV = 'ACTORKIT_API_FLAVOUR';

/**
 * How an execution reaches the actors API, from `_abaco_api_server` and `_abaco_access_token`. The rule, first match:
 * 1. `ACTORKIT_API_FLAVOUR=v2|v3` decides.
 * 2. `_abaco_api_server` already ends with `/actors/v2` (v2) or `/v3/actors` (v3).
 * 3. `_abaco_jwt_header_name` is set: v2, the token is an OAuth access token sent as `Authorization: Bearer`.
 * 4. The token is a JWT (three base64url parts whose first decodes to a JSON header): v3, sent as `X-Tapis-Token`.
 * 5. Otherwise v2 with a bearer token.
 */
export function apiSettings(env: Env): ActorsClientOptions {
  const baseUrl = env[ABACO_ENV.apiServer]?.trim() ?? '';
  if (!baseUrl) {
    throw new ActorEnvironmentError(
      ABACO_ENV.apiServer,
      'is not set, so the actors API cannot be reached; the actors service sets it in every execution',
    );
  }
  try {
    new URL(baseUrl);
  } catch (cause) {
    throw new ActorEnvironmentError(
      ABACO_ENV.apiServer,
      `is ${JSON.stringify(baseUrl)}, which is not a URL`,
      { cause },
    );
  }
  const token = env[ABACO_ENV.accessToken]?.trim() ?? '';
  if (!token) {
    throw new ActorEnvironmentError(
      ABACO_ENV.accessToken,
      'is empty: this execution has no token for the actors API. Register the actor with `token: true` to call the API from inside it',
    );
  }
  const flavour = apiFlavour(env, baseUrl, token);
  return {
    baseUrl,
    flavour,
    credentials: flavour === 'v3' ? { kind: 'tapis', token } : { kind: 'bearer', token },
  };
}

function apiFlavour(env: Env, baseUrl: string, token: string): 'v2' | 'v3' {
  const forced = env[API_FLAVOUR_ENV]?.trim().toLowerCase();
  if (forced) {
    if (forced === 'v2' || forced === 'v3') return forced;
    throw new ActorEnvironmentError(API_FLAVOUR_ENV, `is ${JSON.stringify(forced)}; expected v2 or v3`);
  }
  const path = new URL(baseUrl).pathname.replace(/\/+$/, '');
  if (path.endsWith(FLAVOUR_BASE_PATHS.v2)) return 'v2';
  if (path.endsWith(FLAVOUR_BASE_PATHS.v3)) return 'v3';
  if (env[ABACO_ENV.jwtHeaderName]?.trim()) return 'v2';
  return isJwt(token) ? 'v3' : 'v2';
}

/** True for a token shaped like a JWT: `header.payload.signature`, the header being base64url JSON. */
export function isJwt(token: string): boolean {
  const parts = token.split('.');
  const [head = '', payload = '', signature = ''] = parts;
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(head + payload) || !/^[A-Za-z0-9_-]*$/.test(signature))
    return false;
  if (!head || !payload) return false;
  const header = Buffer.from(head, 'base64url').toString('utf8');
  return header.trimStart().startsWith('{') && header.includes('"alg"');
}

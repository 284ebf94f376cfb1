import { decorateOrigin, type OriginIntent } from './fuzz-foreign.js';
import type { FuzzTargets } from './fuzz-targets.js';
import { routeBody } from './fuzz-route-bodies.js';
import { body, CONTENT_TYPES, forgedJwt, HOSTILE_SEGMENTS, QUERIES } from './fuzz-values.js';
import type { Prng } from './prng.js';

export const BASES = ['/actors/v2', '/v3/actors', '/actors'];
const WRONG_BASES = [
  '/actors/v1',
  '/',
  '/v3',
  '/ACTORS/V2',
  '/actors/v2;x',
  '/actors/v2%2F',
  '/actors/v2/..',
  '//actors/v2',
];

export const ROUTES = [
  '',
  '/{a}',
  '/{a}/messages',
  '/{a}/state',
  '/{a}/permissions',
  '/{a}/workers',
  '/{a}/workers/{w}',
  '/{a}/nonces',
  '/{a}/nonces/{n}',
  '/{a}/executions',
  '/{a}/executions/{e}',
  '/{a}/executions/{e}/logs',
  '/{a}/executions/{e}/results',
  '/aliases',
  '/aliases/{al}',
  '/aliases/{al}/permissions',
  '/aliases/{al}/nonces',
  '/aliases/{al}/nonces/{n}',
];
const METHODS = ['GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'];

export interface FuzzCase {
  index: number;
  method: string;
  path: string;
  /** The route template, for the tally. */
  route: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Set when the case carries an Origin or Host header: what the origin policy must answer. */
  origin?: OriginIntent;
  /** Set when the case is sent as another tenant's identity: which. */
  foreign?: string;
}

function segment(r: Prng, real: readonly string[]): string {
  return r.chance(0.55) && real.length ? r.pick(real) : r.pick(HOSTILE_SEGMENTS);
}

function credentials(r: Prng, t: FuzzTargets, headers: Record<string, string>): string {
  const kind = r.int(-3, 11);
  if (kind <= 2) headers.authorization = `Bearer ${t.tokens.admin}`;
  else if (kind === 3) headers.authorization = `Bearer ${t.tokens.alice}`;
  else if (kind === 4) headers.authorization = `Bearer ${r.bytes(16).toString('hex')}`;
  else if (kind === 5)
    headers.authorization = r.pick([
      'Bearer',
      'Bearer ',
      'Basic Zm9vOmJhcg==',
      'bearer x y',
      `Bearer ${'A'.repeat(4000)}`,
      'Bearer \u00e9\u00ff',
    ]);
  else if (kind === 6) headers.authorization = `Bearer ${t.tokens.expired}`;
  else if (kind === 7) headers['x-tapis-token'] = forgedJwt(r);
  else if (kind === 8) headers['x-jwt-assertion-dev-develop'] = forgedJwt(r);
  else if (kind === 9)
    return `x-nonce=${r.pick([t.nonces.live, t.nonces.exhausted, t.nonces.otherActor, 'DEV-DEVELOP_nope', '%ZZ', ''])}`;
  return '';
}

/**
 * Case `index` of a run: a method, a path (under a real or wrong base), credentials, headers (now and then an Origin
 * or a Host) and maybe a body. `spareTargets` keeps a valid token from deleting the target actors.
 */
export function fuzzCase(r: Prng, index: number, t: FuzzTargets, cap: number, spareTargets = true): FuzzCase {
  const route = r.pick(ROUTES);
  const method = r.pick(METHODS);
  const headers: Record<string, string> = {};
  const nonceQuery = credentials(r, t, headers);
  let actor = segment(r, [...t.actors, ...t.aliases]);
  if (spareTargets && method === 'DELETE' && route === '/{a}' && t.actors.includes(actor))
    actor = 'NOSUCHACTOR01'; // keep the targets alive
  let path = route
    .replace('{a}', actor)
    .replace('{e}', segment(r, t.executions))
    .replace('{w}', segment(r, t.workers))
    .replace('{n}', segment(r, [t.nonces.live, t.nonces.exhausted, t.nonces.otherActor]))
    .replace('{al}', segment(r, t.aliases));
  if (r.chance(0.05)) path = path.replace(/\//g, r.pick(['//', '/./', '/']));
  if (r.chance(0.05)) path += '/';
  const base = r.chance(0.93) ? r.pick(BASES) : r.pick(WRONG_BASES);
  let query = r.pick(QUERIES);
  if (nonceQuery) query = query ? `${query}&${nonceQuery}` : `?${nonceQuery}`;
  const c: FuzzCase = { index, method, route: `${base}${route}`, path: `${base}${path}${query}`, headers };
  if (r.chance(0.04))
    headers['x-request-id'] = r.pick(['', 'x'.repeat(2000), '\u00ff\u00fe', '../../etc/passwd']);
  if (r.chance(0.08)) c.origin = decorateOrigin(r, t.host, headers);
  if (
    method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && method !== 'TRACE'
      ? r.chance(0.9)
      : r.chance(0.1)
  ) {
    if (r.chance(0.2)) {
      headers['content-type'] = 'application/json';
      c.body = Buffer.from(JSON.stringify(routeBody(r, route)));
    } else {
      const contentType = r.pick(CONTENT_TYPES);
      if (contentType) headers['content-type'] = contentType;
      c.body = body(r, contentType, cap);
    }
  }
  return c;
}

import type { FuzzCase } from './fuzz-cases.js';
import type { FuzzAnswer } from './fuzz-send.js';
import type { Prng } from './prng.js';

/**
 * Browsers and other tenants, as the fuzz plays them: Origin and Host headers a web page or a DNS-rebinding attack
 * sends (the emulator must refuse them, 403, before anything runs), the ones it must serve (its own origin,
 * localhost, IP literals, *.localhost), and identities of another tenant (they must never see or change the
 * target tenant's objects).
 */

/** Origins no page of the emulator has: refused unless given with --cors-origin. `{own}` is the emulator's host. */
const FOREIGN_ORIGINS = [
  'https://evil.example',
  'http://evil.example',
  'http://evil.example:80',
  'null',
  'file://',
  'chrome-extension://abcdefghijklmnop',
  'http://127.0.0.1.evil.example',
  'http://localhost.evil.example',
  'http://127.0.0.1:1',
  'http://[::1]:1',
  'http://{own}.evil.example',
  'javascript:alert(1)',
  '',
];

/** Host headers that are no name of the emulator (a rebound DNS name): refused unless given with --allowed-host. */
const FOREIGN_HOSTS = [
  'evil.example',
  'evil.example:8000',
  'EVIL.example',
  'attacker.com:80',
  '127.0.0.1.nip.io',
  'localhost.evil.example',
  'localhostx',
  'xn--80ak6aa92e.com',
  'my-box.internal:8000',
];

/** Host headers the emulator answers to: localhost, names under .localhost, IP literals. `{port}` is its port. */
const ALLOWED_HOSTS = [
  'localhost:{port}',
  'LOCALHOST:{port}',
  'app.localhost:{port}',
  '127.0.0.1',
  '[::1]:{port}',
  '10.0.0.5',
  '[::ffff:127.0.0.1]:{port}',
];

export type OriginExpectation = 'host-refused' | 'origin-refused' | 'served';

/** What a case's Origin and Host headers should get from the origin policy. */
export interface OriginIntent {
  expect: OriginExpectation;
  /** The Origin sent, when it is one the emulator must answer CORS for (its own). */
  ownOrigin?: string;
}

/**
 * Adds an Origin and/or a Host header to a case's headers (or nothing), and says what the policy must answer.
 * `host` is the emulator's own `host:port`.
 */
export function decorateOrigin(
  r: Prng,
  host: string,
  headers: Record<string, string>,
  forceForeign = false,
): OriginIntent {
  const port = host.split(':').pop() ?? '';
  const roll = forceForeign ? r.next() * 0.5 : r.next();
  if (roll < 0.25) {
    headers.host = r.pick(FOREIGN_HOSTS);
    if (r.chance(0.5)) headers.origin = `http://${headers.host}`; // what a rebound page sends: its own origin
    return { expect: 'host-refused' };
  }
  if (roll < 0.5) {
    headers.origin = r.pick(FOREIGN_ORIGINS).replace('{own}', host);
    if (r.chance(0.3)) headers['access-control-request-method'] = r.pick(['POST', 'DELETE', 'PUT']);
    return { expect: 'origin-refused' };
  }
  if (roll < 0.75) {
    headers.origin = `http://${host}`;
    return { expect: 'served', ownOrigin: headers.origin };
  }
  headers.host = r.pick(ALLOWED_HOSTS).replace('{port}', port);
  return { expect: 'served' };
}

/** What is wrong with the policy's answer to a case that carried an Origin or Host, or null. */
export function originProblem(intent: OriginIntent, c: FuzzCase, a: FuzzAnswer): string | null {
  const named = (flag: string) => c.method === 'HEAD' || message.includes(flag); // HEAD: no body to read
  const message = (() => {
    try {
      return String((JSON.parse(a.body.toString('utf8')) as { message?: unknown }).message ?? '');
    } catch (error) {
      void error; // not JSON: checked as an envelope elsewhere
      return '';
    }
  })();
  const allowOrigin = a.headers['access-control-allow-origin'];
  if (intent.expect === 'host-refused') {
    if (a.status !== 403 || !named('--allowed-host'))
      return `a foreign Host got HTTP ${a.status}, not 403 naming --allowed-host`;
    return null;
  }
  if (intent.expect === 'origin-refused') {
    if (a.status !== 403 || !named('--cors-origin'))
      return `a foreign Origin got HTTP ${a.status}, not 403 naming --cors-origin`;
    if (allowOrigin !== undefined) return `a foreign Origin got Access-Control-Allow-Origin: ${allowOrigin}`;
    return null;
  }
  if (a.status === 403 && /--allowed-host|--cors-origin/.test(message))
    return `refused an allowed origin or host: ${message.slice(0, 120)}`;
  if (intent.ownOrigin && allowOrigin !== intent.ownOrigin)
    return `its own origin got Access-Control-Allow-Origin: ${String(allowOrigin)}`;
  return null;
}

/** A credential of another tenant: headers, or a query parameter (a nonce). */
export interface ForeignIdentity {
  label: string;
  headers: Record<string, string>;
  query?: string;
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** The JWT headers of another tenant (`--trust-jwt` reads them unchecked): the same user name, and an admin. */
export function foreignJwtIdentities(tenant: string, sameUser: string): ForeignIdentity[] {
  const v2 = `x-jwt-assertion-${tenant.toLowerCase()}`;
  return [
    {
      label: `${tenant}'s ${sameUser} (the same user name)`,
      headers: {
        [v2]: jwt({
          'http://wso2.org/claims/enduser': `${sameUser}@carbon.super`,
          'http://wso2.org/claims/role': 'Internal/everyone,Internal/abaco-user',
        }),
      },
    },
    {
      label: `${tenant}'s admin`,
      headers: {
        [v2]: jwt({
          'http://wso2.org/claims/enduser': 'mallory@carbon.super',
          'http://wso2.org/claims/role': 'Internal/abaco-admin',
        }),
      },
    },
    {
      label: `${tenant}'s ${sameUser} as a Tapis v3 admin`,
      headers: {
        'x-tapis-token': jwt({
          'tapis/username': sameUser,
          'tapis/tenant_id': tenant.toLowerCase(),
          'tapis/roles': ['Internal/abaco-admin'],
        }),
      },
    },
  ];
}

/** A case sent as a foreign identity: its own credentials and nonce replaced. */
export function asForeign(c: FuzzCase, who: ForeignIdentity): FuzzCase {
  const headers = Object.fromEntries(
    Object.entries(c.headers).filter(
      ([h]) => h !== 'authorization' && h !== 'x-tapis-token' && !h.startsWith('x-jwt-assertion-'),
    ),
  );
  const [path = '', query = ''] = c.path.split(/\?(.*)/s);
  const kept = query
    .split('&')
    .filter((p) => p && !p.toLowerCase().startsWith('x-nonce='))
    .concat(who.query ? [who.query] : []);
  return {
    ...c,
    headers: { ...headers, ...who.headers },
    path: kept.length ? `${path}?${kept.join('&')}` : path,
    foreign: who.label,
  };
}

/** A foreign identity's success that shows one of the target tenant's ids: what it must never see. */
export function leakIn(a: FuzzAnswer, secrets: readonly string[]): string | null {
  if (a.status < 200 || a.status > 299) return null;
  const body = a.body.toString('utf8');
  return secrets.find((s) => body.includes(s)) ?? null;
}

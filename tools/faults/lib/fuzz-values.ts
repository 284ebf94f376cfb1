import type { Prng } from './prng.js';

export { CONTENT_TYPES, HOSTILE_SEGMENTS, QUERIES } from './fuzz-words.js';

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A forged JWT: malformed, unsigned with odd claims, expired, or huge. */
export function forgedJwt(r: Prng): string {
  const header = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const claims = r.pick<unknown>([
    {
      'http://wso2.org/claims/enduser': 'mallory@carbon.super',
      'http://wso2.org/claims/role': 'Internal/abaco-admin',
    },
    { 'tapis/username': 'eve', 'tapis/tenant_id': 'evil', 'tapis/roles': ['Internal/abaco-admin'] },
    { 'http://wso2.org/claims/enduser': ['not', 'a', 'string'] },
    { exp: 1, 'tapis/username': 'expired' },
    { 'tapis/username': 'x'.repeat(5000) },
    [],
    null,
    42,
    'text',
  ]);
  return r.pick([
    `${header}.${base64url(JSON.stringify(claims))}.`,
    `${header}.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`,
    'a.b.c',
    'x',
    '...',
    `${header}.%%%%.`,
    `${header}.${base64url('{not json')}.`,
    '',
  ]);
}

/** A JSON value of a random shape: right and wrong types for the fields the API reads, hostile keys and nesting. */
export function jsonValue(r: Prng, depth = 0): unknown {
  const scalars = [
    null,
    true,
    false,
    0,
    -1,
    1e308,
    2 ** 53 + 1,
    0.5,
    '',
    'x',
    r.text(40),
    'UPDATE',
    'NONE',
    'ABACO_WORLD',
  ];
  if (depth > 2 || r.chance(0.4)) return r.pick(scalars);
  if (r.chance(0.3)) return Array.from({ length: r.int(0, 4) }, () => jsonValue(r, depth + 1));
  const keys = [
    'image',
    'name',
    'stateless',
    'maxWorkers',
    'defaultEnvironment',
    'hints',
    'cronSchedule',
    'logEx',
    'token',
    'message',
    'user',
    'level',
    'maxUses',
    'num',
    'alias',
    'actorId',
    'runtime',
    'cpu',
    'io',
    'force',
    'memLimit',
    'privileged',
    '__proto__',
    'constructor',
    'default_environment',
    'max_workers',
    r.text(10),
  ];
  const obj: Record<string, unknown> = {};
  for (let i = r.int(0, 5); i > 0; i--) obj[r.pick(keys)] = jsonValue(r, depth + 1);
  return obj;
}

/** A request body for the content type: valid-looking, wrong, broken or oversized. */
export function body(r: Prng, contentType: string, cap: number): Buffer {
  const roll = r.next();
  if (roll < 0.03) return Buffer.alloc(cap + r.int(1, cap), 'a');
  if (roll < 0.08) return Buffer.alloc(0);
  if (contentType.includes('octet-stream')) return r.bytes(r.int(1, 2048));
  if (contentType.includes('form')) {
    return Buffer.from(
      r.pick([
        'image=x&name=y',
        'a=%ZZ',
        '=',
        '&&&',
        'defaultEnvironment=notjson',
        'stateless=banana',
        'message=hi',
        `message=${encodeURIComponent(r.text(50))}`,
        'user=alice&level=EXECUTE',
        'num=100000000',
        'maxUses=0',
      ]),
    );
  }
  if (roll < 0.15)
    return Buffer.from(
      r.pick([
        '{"image": ',
        '[',
        '{"a":1,"a":2}',
        '\ufeff{"image":"x"}',
        'nul',
        '{"__proto__":{"admin":true}}',
      ]),
    );
  if (roll < 0.18) {
    const n = r.pick([100, 5000]);
    return Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`);
  }
  if (roll < 0.22) return r.bytes(r.int(1, 200));
  return Buffer.from(JSON.stringify(jsonValue(r)));
}

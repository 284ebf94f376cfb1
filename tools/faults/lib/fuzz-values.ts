import type { Prng } from './prng.js';

/** Path segments as sent on the wire (already percent-encoded where they must be). */
export const HOSTILE_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '%2F',
  '%00',
  '%0A',
  '%20',
  'a'.repeat(300),
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%F0%9F%98%80',
  encodeURIComponent('ünïcødé'),
  encodeURIComponent('Ω≈ç√∫'),
  encodeURIComponent("'; DROP TABLE actors;--"),
  encodeURIComponent('<script>alert(1)</script>'),
  '$(id)',
  encodeURIComponent('{{7*7}}'),
  '__proto__',
  'constructor',
  'prototype',
  'aliases',
  'messages',
  'executions',
  '-1',
  '0',
  '1e309',
  'NaN',
  '%E2%80%AE',
  '%C0%AE',
  '%EF%BF%BF',
  '~',
  'NOSUCHACTOR01',
  'x'.repeat(129),
  'DEV-DEVELOP_abc',
];

export const QUERIES = [
  '',
  '',
  '',
  '?limit=-1',
  '?limit=abc',
  '?limit=0',
  '?offset=99999999999999999999',
  '?limit=1&limit=2',
  '?x-nonce=',
  '?_abaco_synchronous=true',
  '?message=hi',
  '?%ZZ=1',
  '?a[b]=c',
  `?${'k=v&'.repeat(300)}`,
  '?__proto__=x',
  `?${encodeURIComponent('ключ')}=${encodeURIComponent('значение')}`,
  '?limit=1e3',
  '?offset=-5',
  '?=',
  '?&&&',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'text/plain',
  'multipart/form-data',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded; charset=koi8-r',
  'application/*',
  ';;;',
  'application/xml',
  '',
];

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

/** Plausible but nasty bodies for one route: huge counts, extreme numbers, reserved names, long strings. */
export function routeBody(r: Prng, route: string): unknown {
  if (route.endsWith('/workers'))
    return r.pick([{ num: 200_000 }, { num: 2 ** 53 }, { num: -1 }, { num: '1e3' }, { num: 1.5 }]);
  if (route.endsWith('/nonces'))
    return r.pick([
      { maxUses: 1e300 },
      { maxUses: -2 },
      { level: 'ROOT' },
      { maxUses: 2 ** 63 },
      { level: 'UPDATE', maxUses: 0 },
    ]);
  if (route.endsWith('/state'))
    return r.pick([
      { deep: JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown },
      'x'.repeat(60_000),
      null,
      2 ** 64,
    ]);
  if (route.endsWith('/permissions'))
    return r.pick([
      { user: 'ABACO_WORLD', level: 'UPDATE' },
      { user: '', level: 'READ' },
      { user: 'x'.repeat(5000), level: 'NONE' },
      { level: 'ADMIN' },
    ]);
  if (route.endsWith('/executions'))
    return r.pick([{ runtime: 1e308, cpu: -1, io: 'x' }, { runtime: 2 ** 64 }, {}]);
  if (route.endsWith('/messages'))
    return r.pick([
      { message: '' },
      { message: 'x'.repeat(60_000) },
      { message: null },
      { message: { nested: [1, 2] } },
    ]);
  if (route.includes('/aliases'))
    return r.pick([
      { alias: 'executions', actorId: 'x' },
      { alias: 'a'.repeat(300) },
      { alias: '../x' },
      { alias: '' },
    ]);
  return r.pick([
    { image: 'x'.repeat(10_000) },
    { image: 'x', hints: ['a'.repeat(10_000)] },
    {
      image: 'x',
      defaultEnvironment: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`K${i}`, 'v'])),
    },
    { image: 'x', cronSchedule: '9999-12-31 23 + 1 hour' },
    { image: 'x', logEx: 1e308 },
    { image: 'x', maxWorkers: 2 ** 53 },
  ]);
}

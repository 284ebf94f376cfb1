import type { FuzzCase } from './fuzz-cases.js';
import type { FuzzTargets } from './fuzz-targets.js';

type Spec = [method: string, path: string, body?: unknown, headers?: Record<string, string>];

/**
 * Hand-picked hostile requests every run sends first, whatever the seed: one of each kind the random cases may or may
 * not reach (extreme paging, huge counts, deep nesting, bodies at and over the cap, encodings), so a regression in any
 * of them fails every run rather than one seed in three.
 */
export function preludeCases(t: FuzzTargets, cap: number): FuzzCase[] {
  const [a = 'A', b = 'B'] = t.actors;
  const [e = 'E'] = t.executions;
  const json = { 'content-type': 'application/json' };
  const specs: Spec[] = [
    ['GET', `/actors/v2/${a}/executions?offset=99999999999999999999`],
    ['GET', `/actors/v2/${a}/executions?limit=99999999999999999999`],
    ['GET', '/actors/v2?limit=1e400&offset=-0'],
    ['POST', `/actors/v2/${a}/workers`, { num: 200_000 }, json],
    ['POST', `/actors/v2/${a}/workers`, { num: 2 ** 53 }, json],
    ['POST', `/actors/v2/${a}/nonces`, { maxUses: 1e300, level: 'READ' }, json],
    ['POST', `/actors/v2/${b}/state`, `${'['.repeat(5000)}${']'.repeat(5000)}`, json],
    ['POST', '/actors/v2', `{"image": "x", "name": "${'n'.repeat(cap)}"}`, json],
    [
      'POST',
      `/actors/v2/${a}/messages`,
      Buffer.alloc(cap + 1, 1),
      { 'content-type': 'application/octet-stream' },
    ],
    ['POST', `/actors/v2/${a}/messages`, Buffer.alloc(0), { 'content-type': 'application/octet-stream' }],
    ['POST', `/actors/v2/${a}/messages`, '', json],
    [
      'POST',
      `/actors/v2/${a}/messages`,
      'message=%E0%A4%A',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    ['POST', `/actors/v2/${a}/executions`, { runtime: 1e308, cpu: 2 ** 64, io: -1 }, json],
    ['PUT', `/actors/v2/${a}`, { image: 'x', maxWorkers: 2 ** 53, logEx: 1e308 }, json],
    ['GET', `/actors/v2/${a}/executions/${e}/results?limit=-1`],
    ['GET', `/actors/v2/%2e%2e/%2e%2e/${a}`],
    ['GET', `/actors/v2/${'%F0%9F%98%80'.repeat(40)}`],
    ['DELETE', `/actors/v2/${a}/executions/${e}`],
    ['POST', '/actors/v2/aliases', { alias: 'executions', actorId: a }, json],
    ['GET', `/actors/v2/${a}?x-nonce=${t.nonces.exhausted}`, undefined, {}],
    ['POST', `/actors/v2/${b}/messages?x-nonce=${t.nonces.otherActor}`, { message: 'x' }, json],
  ];
  return specs.map(([method, path, body, headers], index) => {
    const buffer =
      body === undefined
        ? undefined
        : Buffer.isBuffer(body)
          ? body
          : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const auth: Record<string, string> = path.includes('x-nonce=')
      ? {}
      : { authorization: `Bearer ${t.tokens.admin}` };
    return {
      index,
      method,
      path,
      route: path.split('?')[0] ?? path,
      headers: { ...auth, ...(headers ?? {}) },
      ...(buffer ? { body: buffer } : {}),
    };
  });
}

import type { Prng } from './prng.js';

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

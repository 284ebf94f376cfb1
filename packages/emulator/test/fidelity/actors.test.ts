import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator, StartEmulatorOptions } from '../../src/index.js';
import { raw, startTestEmulator, USERS, type RawInit } from '../api/fixture.js';

// fidelity.md §2.1 (actor display), §2.5 (times, links), §3 (PUT), §8.1 (cron), §8.3 (links), §8.5 (privileged
// fields, stateful maxWorkers), §8.6 (token default), §9.4 (queues), §4 (the actor list).

const admin = USERS.admin.token;
const alice = USERS.alice.token;
const bob = USERS.bob.token;

const CAMEL_KEYS = [
  'id',
  'name',
  'image',
  'description',
  'owner',
  'status',
  'statusMessage',
  'stateless',
  'type',
  'link',
  'token',
  'webhook',
  'hints',
  'privileged',
  'maxWorkers',
  'memLimit',
  'maxCpus',
  'useContainerUid',
  'defaultEnvironment',
  'state',
  'mounts',
  'revision',
  'queue',
  'logEx',
  'cronOn',
  'cronSchedule',
  'cronNextEx',
  'createTime',
  'lastUpdateTime',
  'uid',
  'gid',
  'tasdir',
  '_links',
];
/** The keys camel case drops when null. */
const NULLABLE = [
  'name',
  'maxWorkers',
  'memLimit',
  'maxCpus',
  'logEx',
  'cronSchedule',
  'cronNextEx',
  'uid',
  'gid',
  'tasdir',
];
const SNAKE_KEYS = [
  'id',
  'name',
  'image',
  'description',
  'owner',
  'status',
  'status_message',
  'stateless',
  'type',
  'link',
  'token',
  'webhook',
  'hints',
  'privileged',
  'max_workers',
  'mem_limit',
  'max_cpus',
  'use_container_uid',
  'default_environment',
  'state',
  'mounts',
  'revision',
  'queue',
  'log_ex',
  'cron_on',
  'cron_schedule',
  'cron_next_ex',
  'create_time',
  'last_update_time',
  'uid',
  'gid',
  'tasdir',
  '_links',
];

const STATEFUL_TO_STATELESS =
  'Invalid actor description: an actor that was not stateless cannot be updated to be stateless.';
const STATEFUL_MAX_WORKERS = 'Invalid actor description: stateful actors can only have 1 worker.';
const LINK_NOT_FOUND =
  'Invalid link parameter; unable to retrieve linked actor data. The link must be a valid actor id or alias for which you have EXECUTE permission. ';
const LINK_DENIED =
  'Invalid link parameter. The link must be a valid actor id or alias for which you have EXECUTE permission. Additional info: ';

type Actor = Record<string, unknown> & { id: string };

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Headers of a v2 JWT for `user` with the plain Abaco user role in `tenant`. */
function jwtUser(tenant: string, user: string, role = 'Internal/abaco-user'): Record<string, string> {
  return {
    [`x-jwt-assertion-${tenant.toLowerCase()}`]: jwt({
      'http://wso2.org/claims/enduser': `${user}@carbon.super`,
      'http://wso2.org/claims/role': `Internal/everyone,${role}`,
    }),
  };
}

/** A mutable clock: tests set `clock.at`. */
function testClock(start: string) {
  const clock = { at: new Date(start), now: () => clock.at };
  return clock;
}

async function ok(emu: RunningEmulator, method: string, path: string, init: RawInit): Promise<Actor> {
  const res = await raw(emu, method, path, init);
  expect(res.status, res.text).toBe(200);
  return res.json?.result as Actor;
}

async function fails(emu: RunningEmulator, method: string, path: string, init: RawInit): Promise<string> {
  const res = await raw(emu, method, path, init);
  expect(res.status, res.text).toBe(400);
  expect(res.json?.status).toBe('error');
  return res.json?.message ?? '';
}

async function permissionsOf(emu: RunningEmulator, id: string): Promise<Record<string, string>> {
  const res = await raw(emu, 'GET', `/actors/v2/${id}/permissions`, { token: admin });
  expect(res.status, res.text).toBe(200);
  const result = res.json?.result as Record<string, unknown>;
  // the flat map of the service (fidelity §5.1), or the emulator's older {permissions: {...}}
  return (result.permissions ?? result) as Record<string, string>;
}

async function grant(emu: RunningEmulator, token: string, id: string, user: string, level: string) {
  const res = await raw(emu, 'POST', `/actors/v2/${id}/permissions`, { token, json: { user, level } });
  expect(res.status, res.text).toBe(200);
}

function started(options: StartEmulatorOptions = {}) {
  const box: { emu: RunningEmulator | null } = { emu: null };
  beforeAll(async () => {
    box.emu = await startTestEmulator(options);
  });
  afterAll(() => box.emu?.dispose());
  return () => box.emu as RunningEmulator;
}

describe('the actor display (§2.1, §2.5)', () => {
  const clock = testClock('2030-03-05T04:25:07Z');
  const emu = started({ clock });

  it('shows exactly the service keys in camel case, without the null ones', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/display' } });
    const expected = CAMEL_KEYS.filter((k) => !NULLABLE.includes(k));
    expect(Object.keys(actor).sort()).toEqual([...expected].sort());
    expect(actor).toMatchObject({ type: 'none', mounts: [], state: {}, queue: 'default', token: false });
    for (const gone of ['tenant', 'apiServer', 'dbId', 'runAsExecutor', 'executions']) {
      expect(actor).not.toHaveProperty(gone);
    }
  });

  it('shows a set value of a nullable key in camel case', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/named', name: 'n', maxWorkers: 3, logEx: 60, memLimit: '1g' },
    });
    expect(actor).toMatchObject({ name: 'n', maxWorkers: 3, logEx: 60, memLimit: '1g' });
    expect(actor).not.toHaveProperty('cronSchedule');
  });

  it('shows the same keys in the list and on GET', async () => {
    const created = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/listed' } });
    const got = await ok(emu(), 'GET', `/actors/v2/${created.id}`, { token: admin });
    expect(Object.keys(got).sort()).toEqual(Object.keys(created).sort());
    const list = (await ok(emu(), 'GET', '/actors/v2', { token: admin })) as unknown as Actor[];
    const listed = list.find((a) => a.id === created.id);
    expect(listed && Object.keys(listed).sort()).toEqual(Object.keys(created).sort());
  });

  it('shows runAsExecutor under /v3/actors only', async () => {
    const v3 = await ok(emu(), 'POST', '/v3/actors', { token: admin, json: { image: 'img/v3' } });
    expect(v3.runAsExecutor).toBe(false);
    const v2 = await ok(emu(), 'GET', `/actors/v2/${v3.id}`, { token: admin });
    expect(v2).not.toHaveProperty('runAsExecutor');
  });

  it('writes times as display_time does: whole seconds carry no fraction and no Z', async () => {
    clock.at = new Date('2030-03-05T04:25:07Z');
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/times' } });
    expect(actor.createTime).toBe('2030-03-05T04:25:07');
    expect(actor.lastUpdateTime).toBe('2030-03-05T04:25:07');
    clock.at = new Date('2030-03-05T04:26:08.123Z');
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/times' },
    });
    expect(updated.createTime).toBe('2030-03-05T04:25:07');
    expect(updated.lastUpdateTime).toBe('2030-03-05T04:26:08.123Z');
  });

  it('builds links on {api_server}/actors/v2, whatever base the request used', async () => {
    const actor = await ok(emu(), 'POST', '/v3/actors', { token: admin, json: { image: 'img/links' } });
    const self = `${emu().url}/actors/v2/${actor.id}`;
    expect(actor._links).toEqual({
      self,
      owner: `${emu().url}/profiles/v2/${USERS.admin.name}`,
      executions: `${self}/executions`,
    });
  });
});

describe('the actor display in snake case (§2.1)', () => {
  const emu = started({ keyCase: 'snake' });

  it('keeps every key, the null ones as null', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/snake' } });
    expect(Object.keys(actor).sort()).toEqual([...SNAKE_KEYS].sort());
    for (const k of [
      'name',
      'max_workers',
      'mem_limit',
      'max_cpus',
      'log_ex',
      'cron_schedule',
      'cron_next_ex',
    ]) {
      expect(actor[k], k).toBeNull();
    }
    expect(actor).toMatchObject({ uid: null, gid: null, tasdir: null, type: 'none', mounts: [] });
  });

  it('keeps null keys in the list too', async () => {
    await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/snake-list' } });
    const list = (await ok(emu(), 'GET', '/actors/v2', { token: admin })) as unknown as Actor[];
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) expect(a.cron_next_ex).toBeNull();
  });
});

describe('actor update, PUT (§3)', () => {
  const clock = testClock('2030-03-05T04:25:07Z');
  const emu = started({ clock });

  it('keeps the name when a PUT leaves it out, and even when it sends another', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/a', name: 'orig' },
    });
    const kept = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, { token: admin, json: { image: 'img/a' } });
    expect(kept.name).toBe('orig');
    const again = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/a', name: 'renamed' },
    });
    expect(again.name).toBe('orig');
  });

  it('answers "Actor updated successfully." and keeps id and owner', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/b' } });
    const res = await raw(emu(), 'PUT', `/actors/v2/${actor.id}`, { token: admin, json: { image: 'img/b' } });
    expect(res.json?.message).toBe('Actor updated successfully.');
    expect(res.json?.result).toMatchObject({ id: actor.id, owner: USERS.alice.name });
  });

  it('grants UPDATE to a caller who does not own the actor', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/c' } });
    expect((await permissionsOf(emu(), actor.id))[USERS.admin.name]).toBeUndefined();
    await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, { token: admin, json: { image: 'img/c' } });
    expect((await permissionsOf(emu(), actor.id))[USERS.admin.name]).toBe('UPDATE');
    // and the actor then appears in the admin's list, which counts explicit entries only (§4)
    const list = (await ok(emu(), 'GET', '/actors/v2', { token: admin })) as unknown as Actor[];
    expect(list.map((a) => a.id)).toContain(actor.id);
  });

  it('resets the state of a stateful actor to {}', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/d', stateless: false },
    });
    await raw(emu(), 'POST', `/actors/v2/${actor.id}/state`, { token: admin, json: { count: 3 } });
    const before = await ok(emu(), 'GET', `/actors/v2/${actor.id}`, { token: admin });
    expect(before.state).toEqual({ count: 3 });
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/d2', stateless: false },
    });
    expect(updated.state).toEqual({});
    const state = await ok(emu(), 'GET', `/actors/v2/${actor.id}/state`, { token: admin });
    expect(state.state).toEqual({});
  });

  it('refuses a PUT on a stateful actor that leaves stateless out', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/e', stateless: false },
    });
    const message = await fails(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/e' },
    });
    expect(message).toBe(STATEFUL_TO_STATELESS);
  });

  it('returns the other fields left out to their defaults', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: {
        image: 'img/f',
        description: 'd',
        hints: ['h'],
        defaultEnvironment: { K: 'v' },
        token: true,
        webhook: 'http://hook',
        maxWorkers: 2,
      },
    });
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/f' },
    });
    expect(updated).toMatchObject({
      description: '',
      hints: [],
      defaultEnvironment: {},
      token: false,
      webhook: '',
    });
    expect(updated).not.toHaveProperty('maxWorkers');
  });

  it('keeps revision and status when the image is the same, raises them otherwise or with force', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/g' } });
    emu().store.actors.setStatus(actor.id, 'READY', 'ready');
    const same = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, { token: admin, json: { image: 'img/g' } });
    expect(same).toMatchObject({ revision: 1, status: 'READY' });
    const newImage = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/g2' },
    });
    expect(newImage).toMatchObject({ revision: 2, status: 'SUBMITTED' });
    const forced = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/g2', force: true },
    });
    expect(forced).toMatchObject({ revision: 3, status: 'SUBMITTED' });
  });

  it('switches cron off when a PUT leaves cronOn out, keeping the schedule in camel mode', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/h', cronSchedule: '2078-9-6 20 + 1 hour' },
    });
    expect(actor.cronOn).toBe(true);
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/h' },
    });
    expect(updated).toMatchObject({
      cronOn: false,
      cronSchedule: '2078-9-6 20 + 1 hour',
      cronNextEx: '2078-9-6 20',
    });
    const on = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/h', cronOn: true },
    });
    expect(on.cronOn).toBe(true);
  });

  it('parses a new schedule sent with the PUT', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/i' } });
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/i', cronSchedule: '2079-01-6 3 + 2 days', cronOn: true },
    });
    expect(updated).toMatchObject({
      cronOn: true,
      cronSchedule: '2079-01-6 3 + 2 days',
      cronNextEx: '2079-01-6 3',
    });
  });
});

describe('actor update in snake mode (§3)', () => {
  const emu = started({ keyCase: 'snake' });

  it('clears the schedule when a PUT leaves cron_schedule out', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/s', cron_schedule: '2078-9-6 20 + 1 hour' },
    });
    expect(actor).toMatchObject({ cron_on: true, cron_next_ex: '2078-9-6 20' });
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/s' },
    });
    expect(updated).toMatchObject({ cron_on: false, cron_schedule: null, cron_next_ex: null });
  });
});

describe('the cron schedule grammar (§8.1)', () => {
  const clock = testClock('2030-03-05T04:25:07Z');
  const emu = started({ clock });
  const post = (cronSchedule: string) =>
    raw(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/cron', cronSchedule } });

  it.each([
    ['2078-9-6 20 + 1 hour', '2078-9-6 20'],
    ['2078-09-6 20 + 3 days', '2078-09-6 20'],
    ['2078-09-06 5 + 1 weeks', '2078-09-06 5'],
    ['2078-09-06 05 + 1 month', '2078-09-06 05'],
  ])('accepts %s, storing it verbatim and its start as the next execution', async (schedule, next) => {
    const res = await post(schedule);
    expect(res.status, res.text).toBe(200);
    expect(res.json?.result).toMatchObject({ cronSchedule: schedule, cronOn: true, cronNextEx: next });
  });

  it('writes the next execution for now unpadded, and accepts Now', async () => {
    const res = await post('now + 1 hour');
    expect(res.json?.result).toMatchObject({ cronNextEx: '2030-3-5 4', cronOn: true });
    expect((await post('Now + 2 days')).status).toBe(200);
  });

  it.each([
    ['now+1 hour', 'The cron is not in the correct format'],
    ['now + 1  hour', ' hour is an invalid unit of time'],
    ['every day', 'The cron is not in the correct format'],
    ['NOW + 1 hour', 'The starting date NOW is not in the correct format'],
    ['2078/09/06 5 + 1 hour', 'The starting date 2078/09/06 5 is not in the correct format'],
    ['2030-03-05 3 + 1 hour', 'The starting datetime is old. The current UTC time is 2030-03-05 04:00:00'],
    [
      '2030-03-05 3 + 1 fortnight',
      'The starting datetime is old. The current UTC time is 2030-03-05 04:00:00',
    ],
    ['now + 1 fortnight', 'fortnight is an invalid unit of time'],
    ['now + 1 Hours', 'Hours is an invalid unit of time'],
    ['2078-13-06 5 + 1 hour', 'month must be in 1..12'],
    ['2078-02-30 5 + 1 hour', 'day is out of range for month'],
  ])('refuses %s with a 400 and the service text', async (schedule, text) => {
    const res = await post(schedule);
    expect(res.status, res.text).toBe(400);
    expect(res.json?.message.startsWith(text), res.json?.message).toBe(true);
  });

  it('takes the current hour as a valid start', async () => {
    const res = await post('2030-3-5 4 + 1 hour');
    expect(res.status, res.text).toBe(200);
  });
});

describe('links (§8.3)', () => {
  const emu = started({ trustJwt: true });

  it('refuses a link to no actor with the service text (its trailing space included)', async () => {
    const message = await fails(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/l', link: 'NoSuchActor12' },
    });
    expect(message.startsWith(LINK_NOT_FOUND)).toBe(true);
  });

  it('refuses a link to an actor of another tenant as if there were none', async () => {
    const other = await ok(emu(), 'POST', '/actors/v2', {
      headers: jwtUser('SD2E', 'jdoe', 'Internal/abaco-admin'),
      json: { image: 'img/other-tenant' },
    });
    const message = await fails(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/l', link: other.id },
    });
    expect(message.startsWith(LINK_NOT_FOUND)).toBe(true);
  });

  it('requires EXECUTE on the linked actor, and accepts it once granted', async () => {
    const target = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/target' } });
    const message = await fails(emu(), 'POST', '/actors/v2', {
      token: bob,
      json: { image: 'img/linker', link: target.id },
    });
    expect(message.startsWith(LINK_DENIED)).toBe(true);
    await grant(emu(), alice, target.id, USERS.bob.name, 'EXECUTE');
    const linked = await ok(emu(), 'POST', '/actors/v2', {
      token: bob,
      json: { image: 'img/linker', link: target.id },
    });
    expect(linked.link).toBe(target.id);
  });

  it('lets an admin link to any actor of its tenant', async () => {
    const target = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/t2' } });
    const linked = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/l2', link: target.id },
    });
    expect(linked.link).toBe(target.id);
  });

  it('refuses a PUT that links an actor to itself', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/self' } });
    const message = await fails(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/self', link: actor.id },
    });
    expect(message).toBe('Invalid link parameter. An actor cannot link to itself.');
  });

  it('refuses a PUT that would close a cycle of links', async () => {
    const a = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/ca' } });
    const b = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/cb', link: a.id } });
    const c = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/cc', link: b.id } });
    const message = await fails(emu(), 'PUT', `/actors/v2/${a.id}`, {
      token: admin,
      json: { image: 'img/ca', link: c.id },
    });
    expect(message).toBe('Error: this update would result in a cycle of linked actors.');
    // a chain without a cycle is fine
    const d = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/cd' } });
    const relinked = await ok(emu(), 'PUT', `/actors/v2/${a.id}`, {
      token: admin,
      json: { image: 'img/ca', link: d.id },
    });
    expect(relinked.link).toBe(d.id);
  });
});

describe('privileged fields and stateful maxWorkers (§8.5), privileged actors allowed', () => {
  const emu = started({ allowPrivileged: true });

  it.each([
    [{ privileged: true }, 'Not authorized -- only admins and privileged users can make privileged actors.'],
    [{ maxWorkers: 2 }, 'Not authorized -- only admins and privileged users can set max workers.'],
    [{ max_workers: '2' }, 'Not authorized -- only admins and privileged users can set max workers.'],
    [{ maxCpus: 100 }, 'Not authorized -- only admins and privileged users can set max CPUs.'],
    [{ mem_limit: '1g' }, 'Not authorized -- only admins and privileged users can set mem limit.'],
    [{ queue: 'default' }, 'Not authorized -- only admins and privileged users can set queue.'],
  ])('refuses %j from a plain user with the service text', async (fields, text) => {
    const message = await fails(emu(), 'POST', '/actors/v2', {
      token: alice,
      json: { image: 'img/p', ...fields },
    });
    expect(message).toBe(text);
  });

  it('applies the same check to a PUT', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/pp' } });
    const message = await fails(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: alice,
      json: { image: 'img/pp', privileged: true },
    });
    expect(message).toBe('Not authorized -- only admins and privileged users can make privileged actors.');
  });

  it('lets a privileged user set them', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: USERS.priv.token,
      json: { image: 'img/priv', privileged: true, maxWorkers: 2 },
    });
    expect(actor).toMatchObject({ privileged: true, maxWorkers: 2 });
  });

  it('refuses a truthy maxWorkers on a stateful actor, on POST and on PUT', async () => {
    const message = await fails(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/sf', stateless: false, maxWorkers: 2 },
    });
    expect(message).toBe(STATEFUL_MAX_WORKERS);
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: admin,
      json: { image: 'img/sf', stateless: false },
    });
    const onPut = await fails(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: admin,
      json: { image: 'img/sf', stateless: false, maxWorkers: 1 },
    });
    expect(onPut).toBe(STATEFUL_MAX_WORKERS);
  });

  it('lets maxWorkers 0 pass, from anyone, as not set', async () => {
    const actor = await ok(emu(), 'POST', '/actors/v2', {
      token: alice,
      json: { image: 'img/zero', stateless: false, maxWorkers: 0 },
    });
    expect(actor).not.toHaveProperty('maxWorkers');
    const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
      token: alice,
      json: { image: 'img/zero', stateless: false, maxWorkers: 0 },
    });
    expect(updated).not.toHaveProperty('maxWorkers');
  });
});

describe('the token default (§8.6)', () => {
  describe('unconfigured', () => {
    const emu = started();

    it('is the boolean false', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/t' } });
      expect(actor.token).toBe(false);
    });

    it('is what the request says when it says', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', {
        token: admin,
        json: { image: 'img/t', token: true },
      });
      expect(actor.token).toBe(true);
    });
  });

  describe('configured for the deployment and per tenant', () => {
    const emu = started({ trustJwt: true, defaultToken: 'true', tenantDefaultTokens: { SD2E: 'false' } });

    it('stores and shows the configured text', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/t' } });
      expect(actor.token).toBe('true');
    });

    it('takes the tenant value over the deployment value', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', {
        headers: jwtUser('SD2E', 'jdoe'),
        json: { image: 'img/t' },
      });
      expect(actor.token).toBe('false');
    });

    it('applies the default again on a PUT that leaves token out', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', {
        token: admin,
        json: { image: 'img/t', token: false },
      });
      expect(actor.token).toBe(false);
      const updated = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
        token: admin,
        json: { image: 'img/t' },
      });
      expect(updated.token).toBe('true');
    });
  });

  describe('in snake case', () => {
    const emu = started({ keyCase: 'snake', defaultToken: 'false' });

    it('shows the configured text too', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', { token: admin, json: { image: 'img/t' } });
      expect(actor.token).toBe('false');
    });
  });
});

describe('queues (§9.4)', () => {
  describe('by default', () => {
    const emu = started();

    it('accepts the default queue and refuses any other', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', {
        token: admin,
        json: { image: 'img/q', queue: 'default' },
      });
      expect(actor.queue).toBe('default');
      const message = await fails(emu(), 'POST', '/actors/v2', {
        token: admin,
        json: { image: 'img/q', queue: 'special' },
      });
      expect(message.startsWith('Invalid actor description: Invalid queue name.')).toBe(true);
    });
  });

  describe('with a configured list', () => {
    const emu = started({ queues: ['default', 'special'] });

    it('accepts a queue of the list, on POST and PUT', async () => {
      const actor = await ok(emu(), 'POST', '/actors/v2', {
        token: admin,
        json: { image: 'img/q', queue: 'special' },
      });
      expect(actor.queue).toBe('special');
      const message = await fails(emu(), 'PUT', `/actors/v2/${actor.id}`, {
        token: admin,
        json: { image: 'img/q', queue: 'other' },
      });
      expect(message.startsWith('Invalid actor description: Invalid queue name.')).toBe(true);
      const back = await ok(emu(), 'PUT', `/actors/v2/${actor.id}`, {
        token: admin,
        json: { image: 'img/q' },
      });
      expect(back.queue).toBe('default');
    });
  });
});

describe('the actor list (§4, §7.7)', () => {
  const emu = started({ trustJwt: true });

  it('lists only actors of the caller tenant with an explicit entry, for admins too', async () => {
    const mine = await ok(emu(), 'POST', '/actors/v2', { token: alice, json: { image: 'img/mine' } });
    const ids = async (init: RawInit) =>
      ((await ok(emu(), 'GET', '/actors/v2', init)) as unknown as Actor[]).map((a) => a.id);
    expect(await ids({ token: alice })).toContain(mine.id);
    expect(await ids({ token: bob })).not.toContain(mine.id);
    expect(await ids({ token: admin })).not.toContain(mine.id);
    await grant(emu(), alice, mine.id, USERS.bob.name, 'READ');
    expect(await ids({ token: bob })).toContain(mine.id);
    const elsewhere = await ok(emu(), 'POST', '/actors/v2', {
      headers: jwtUser('SD2E', USERS.alice.name),
      json: { image: 'img/elsewhere' },
    });
    expect(await ids({ token: alice })).not.toContain(elsewhere.id);
  });

  it("keeps the seed's limit and offset paging when they are the only parameters", async () => {
    for (const image of ['img/p1', 'img/p2', 'img/p3']) {
      await ok(emu(), 'POST', '/actors/v2', { token: bob, json: { image } });
    }
    const all = (await ok(emu(), 'GET', '/actors/v2', { token: bob })) as unknown as Actor[];
    const page = (await ok(emu(), 'GET', '/actors/v2?limit=1&offset=1', {
      token: bob,
    })) as unknown as Actor[];
    expect(page.map((a) => a.id)).toEqual([all[1]?.id]);
  });
});

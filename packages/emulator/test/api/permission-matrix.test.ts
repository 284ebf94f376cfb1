import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelAtLeast, type PermissionLevel } from '@actorkit/api';
import type { RunningEmulator } from '../../src/index.js';
import { clientAs, raw, startTestEmulator, USERS } from './fixture.js';

/** What a route needs: a level on the actor, the admin role, or just an authenticated non-nonce caller. */
type Need = PermissionLevel | 'ADMIN' | 'AUTHENTICATED';
interface Route {
  method: string;
  path: (f: Fixture) => string;
  need: Need;
  /** Nonces may not be used on the nonces API. */
  noNonce?: boolean;
  body?: unknown;
  /** The answer when allowed, when not 200 (force-quit of an execution that is not running). */
  allowed?: { status: number; message: RegExp };
  /** Answers raw bytes (getOneExecutionResult) rather than the envelope when allowed. */
  rawBytes?: boolean;
}
interface Fixture {
  actorId: string;
  workerId: string;
  nonceId: string;
  executionId: string;
  nonces: Record<'update' | 'read' | 'exhausted' | 'other', string>;
}

const ROUTES: Route[] = [
  { method: 'GET', path: () => '', need: 'AUTHENTICATED' },
  { method: 'POST', path: () => '', need: 'AUTHENTICATED', body: { image: 'img/new' } },
  { method: 'GET', path: (f) => `/${f.actorId}`, need: 'READ' },
  {
    method: 'PUT',
    path: (f) => `/${f.actorId}`,
    need: 'UPDATE',
    body: { image: 'img/matrix', stateless: false },
  },
  { method: 'DELETE', path: (f) => `/${f.actorId}`, need: 'UPDATE' },
  { method: 'GET', path: (f) => `/${f.actorId}/messages`, need: 'READ' },
  { method: 'POST', path: (f) => `/${f.actorId}/messages`, need: 'EXECUTE', body: { message: 'hi' } },
  { method: 'DELETE', path: (f) => `/${f.actorId}/messages`, need: 'UPDATE' },
  { method: 'GET', path: (f) => `/${f.actorId}/state`, need: 'READ' },
  { method: 'POST', path: (f) => `/${f.actorId}/state`, need: 'UPDATE', body: { n: 1 } },
  { method: 'GET', path: (f) => `/${f.actorId}/permissions`, need: 'READ' },
  {
    method: 'POST',
    path: (f) => `/${f.actorId}/permissions`,
    need: 'UPDATE',
    body: { user: 'carol', level: 'READ' },
  },
  { method: 'POST', path: (f) => `/${f.actorId}/workers`, need: 'ADMIN', body: { num: 1 } },
  { method: 'GET', path: (f) => `/${f.actorId}/workers`, need: 'READ' },
  { method: 'GET', path: (f) => `/${f.actorId}/workers/${f.workerId}`, need: 'READ' },
  { method: 'DELETE', path: (f) => `/${f.actorId}/workers/${f.workerId}`, need: 'UPDATE' },
  {
    method: 'POST',
    path: (f) => `/${f.actorId}/nonces`,
    need: 'UPDATE',
    noNonce: true,
    body: { level: 'READ' },
  },
  { method: 'GET', path: (f) => `/${f.actorId}/nonces`, need: 'READ', noNonce: true },
  { method: 'GET', path: (f) => `/${f.actorId}/nonces/${f.nonceId}`, need: 'READ', noNonce: true },
  { method: 'DELETE', path: (f) => `/${f.actorId}/nonces/${f.nonceId}`, need: 'UPDATE', noNonce: true },
  { method: 'GET', path: (f) => `/${f.actorId}/executions`, need: 'READ' },
  {
    method: 'POST',
    path: (f) => `/${f.actorId}/executions`,
    need: 'UPDATE',
    body: { runtime: 1, cpu: 1, io: 1 },
  },
  { method: 'GET', path: (f) => `/${f.actorId}/executions/${f.executionId}`, need: 'READ' },
  { method: 'GET', path: (f) => `/${f.actorId}/executions/${f.executionId}/logs`, need: 'READ' },
  {
    method: 'GET',
    path: (f) => `/${f.actorId}/executions/${f.executionId}/results`,
    need: 'READ',
    rawBytes: true,
  },
  {
    method: 'DELETE',
    path: (f) => `/${f.actorId}/executions/${f.executionId}`,
    need: 'UPDATE',
    allowed: { status: 400, message: /^Cannot force quit an execution not in RUNNING status\./ },
  },
];

type Who =
  | { kind: 'none' }
  | { kind: 'user'; token: string; level: PermissionLevel }
  | { kind: 'admin' }
  | { kind: 'nonce'; which: keyof Fixture['nonces']; level: PermissionLevel; usable: boolean };

const IDENTITIES: [string, Who][] = [
  ['no credentials', { kind: 'none' }],
  ['another user', { kind: 'user', token: USERS.bob.token, level: 'NONE' }],
  ['READ', { kind: 'user', token: USERS.alice.token, level: 'READ' }],
  ['EXECUTE', { kind: 'user', token: USERS.alice.token, level: 'EXECUTE' }],
  ['UPDATE', { kind: 'user', token: USERS.alice.token, level: 'UPDATE' }],
  ['admin', { kind: 'admin' }],
  ['valid UPDATE nonce', { kind: 'nonce', which: 'update', level: 'UPDATE', usable: true }],
  ['valid READ nonce', { kind: 'nonce', which: 'read', level: 'READ', usable: true }],
  ['exhausted nonce', { kind: 'nonce', which: 'exhausted', level: 'UPDATE', usable: false }],
  ['nonce of another actor', { kind: 'nonce', which: 'other', level: 'UPDATE', usable: false }],
];

type Outcome = 'ok' | { status: 400; message: RegExp };
const denied = (message: RegExp): Outcome => ({ status: 400, message });

/** The answer and, for a refusal, the service's text it starts with (fidelity §5.2, §5.4, §9.1). */
function expected(route: Route, who: Who): Outcome {
  if (who.kind === 'none') return denied(/^No JWT or nonce provided\./);
  if (who.kind === 'admin') return 'ok';
  if (who.kind === 'nonce') {
    if (route.need === 'AUTHENTICATED' || route.noNonce) return denied(/^a nonce only grants access/);
    // adding workers: UPDATE on the actor through the nonce, then the admin role the nonce carries (its creator's)
    const need = route.need === 'ADMIN' ? 'UPDATE' : route.need;
    if (who.which === 'other') return denied(/^Nonce does not exist\./);
    if (!levelAtLeast(who.level, need)) return denied(/^Nonce does not have sufficient permissions level\./);
    if (!who.usable) return denied(/^No remaining uses left for this nonce\./);
    return 'ok'; // the nonces were made by the admin: once redeemed, the request acts with the admin's roles
  }
  if (route.need === 'AUTHENTICATED') return 'ok';
  if (route.need === 'ADMIN') return denied(/./);
  return levelAtLeast(who.level, route.need)
    ? 'ok'
    : denied(/^Not authorized -- you do not have access to this actor\./);
}

describe.each(['/actors/v2', '/v3/actors'])('permission matrix on %s', (base) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  async function fixture(aliceLevel: PermissionLevel): Promise<Fixture> {
    const admin = emu.client;
    const actor = await admin.add({ image: 'img/matrix', stateless: false });
    const other = await admin.add({ image: 'img/other' });
    if (aliceLevel !== 'NONE')
      await admin.updatePermissions(actor.id, { user: USERS.alice.name, level: aliceLevel });
    await admin.addWorker(actor.id, { num: 1 });
    const [worker] = await admin.listWorkers(actor.id);
    const { executionId } = await admin.sendMessage(actor.id, 'first');
    const nonce = await admin.addNonce(actor.id, { level: 'READ' });
    const exhausted = await admin.addNonce(actor.id, { level: 'UPDATE', maxUses: 1 });
    const used = await raw(emu, 'GET', `${base}/${actor.id}?x-nonce=${exhausted.id}`);
    expect(used.status).toBe(200);
    return {
      actorId: actor.id,
      workerId: worker!.id,
      nonceId: nonce.id,
      executionId,
      nonces: {
        update: (await admin.addNonce(actor.id, { level: 'UPDATE' })).id,
        read: nonce.id,
        exhausted: exhausted.id,
        other: (await admin.addNonce(other.id, { level: 'UPDATE' })).id,
      },
    };
  }

  const cases = ROUTES.flatMap((route) =>
    IDENTITIES.map(
      ([name, who]) =>
        [
          `${route.method} ${route.path({ actorId: '{id}', workerId: '{wid}', nonceId: '{nid}', executionId: '{eid}', nonces: { update: '', read: '', exhausted: '', other: '' } })} as ${name}`,
          route,
          who,
        ] as const,
    ),
  );

  it.each(cases)('%s', async (_name, route, who) => {
    const f = await fixture(who.kind === 'user' ? who.level : 'NONE');
    let path = base + route.path(f);
    let token: string | undefined;
    if (who.kind === 'user') token = who.token;
    if (who.kind === 'admin') token = USERS.admin.token;
    if (who.kind === 'nonce') path += `?x-nonce=${f.nonces[who.which]}`;
    const res = await raw(emu, route.method, path, {
      token,
      ...(route.body !== undefined ? { json: route.body } : {}),
    });
    const want = expected(route, who);
    if (want === 'ok' && route.rawBytes) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      return;
    }
    expect(res.json?.status, res.text).toBe(want === 'ok' && !route.allowed ? 'success' : 'error');
    if (want === 'ok') {
      expect(res.status, res.text).toBe(route.allowed?.status ?? 200);
      if (route.allowed) expect(res.json?.message).toMatch(route.allowed.message);
    } else {
      expect(res.status, res.text).toBe(want.status);
      expect(res.json?.message).toMatch(want.message);
      if (route.allowed) expect(res.json?.message).not.toMatch(route.allowed.message);
    }
  });

  it('lists only the actors a user can read, and ABACO_WORLD shares with everyone', async () => {
    const actor = await emu.client.add({ image: 'img/world' });
    const bob = clientAs(emu, base === '/v3/actors' ? 'v3' : 'v2', USERS.bob.token);
    expect((await bob.list()).map((a) => a.id)).not.toContain(actor.id);
    await emu.client.updatePermissions(actor.id, { user: 'ABACO_WORLD', level: 'READ' });
    expect((await bob.list()).map((a) => a.id)).toContain(actor.id);
    await expect(bob.sendMessage(actor.id, 'x')).rejects.toMatchObject({ status: 400 });
    await emu.client.updatePermissions(actor.id, { user: 'ABACO_WORLD', level: 'NONE' });
    expect((await bob.list()).map((a) => a.id)).not.toContain(actor.id);
  });

  it('counts nonce uses and reports them', async () => {
    const actor = await emu.client.add({ image: 'img/uses' });
    const nonce = await emu.client.addNonce(actor.id, { level: 'READ', maxUses: 2 });
    expect((await raw(emu, 'GET', `${base}/${actor.id}?x-nonce=${nonce.id}`)).status).toBe(200);
    expect((await raw(emu, 'GET', `${base}/${actor.id}/state?x-nonce=${nonce.id}`)).status).toBe(200);
    const third = await raw(emu, 'GET', `${base}/${actor.id}?x-nonce=${nonce.id}`);
    expect(third.status).toBe(400);
    expect(third.json?.message).toMatch(/^No remaining uses left for this nonce\./);
    const after = await emu.client.getNonce(actor.id, nonce.id);
    expect(after).toMatchObject({ currentUses: 2, remainingUses: 0 });
    expect(after.lastUseTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    const insufficient = await raw(emu, 'POST', `${base}/${actor.id}/messages?x-nonce=${nonce.id}`, {
      json: { message: 'x' },
    });
    expect(insufficient.json?.message).toMatch(/^Nonce does not have sufficient permissions level\./);
  });
});

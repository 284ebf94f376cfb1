import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';
import { actorOf, ADMIN_ROLE, call, caller, jwtHeaders, ok } from './auth-fixture.js';

// fidelity.md §2.3 (nonce display), §5.4 (which nonce works where), §9.2 (unknown nonce).
const T = 'SD2E';
const alice = caller(T, 'alice', 'Internal/everyone', 'Internal/abaco-user');
const bob = caller(T, 'bob');
const admin = caller(T, 'root', ADMIN_ROLE);
// display_time: Python's isoformat with every "000" made "Z", so milliseconds 090 show as ".09Z0" and 100 as ".1Z00"
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.[\dZ]+)?$/;

describe('nonces', () => {
  let emu: RunningEmulator;
  let snakeEmu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ trustJwt: true });
    snakeEmu = await startTestEmulator({ trustJwt: true, keyCase: 'snake' });
  });
  afterAll(async () => {
    await emu.dispose();
    await snakeEmu.dispose();
  });

  describe('display', () => {
    it('shows exactly the service fields for an actor nonce, with the creator’s role strings', async () => {
      const id = await actorOf(emu, alice);
      const res = await call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { description: 'ci' } });
      expect(res.json?.message).toBe('Actor nonce created successfully.');
      const n = res.json?.result as Record<string, unknown>;
      expect(Object.keys(n).sort()).toEqual(
        [
          '_links',
          'actorId',
          'apiServer',
          'createTime',
          'currentUses',
          'description',
          'id',
          'lastUseTime',
          'level',
          'maxUses',
          'owner',
          'remainingUses',
          'roles',
        ].sort(),
      );
      expect(n).toMatchObject({
        actorId: id,
        owner: 'alice',
        roles: ['Internal/everyone', 'Internal/abaco-user'],
        level: 'EXECUTE',
        maxUses: -1,
        remainingUses: -1,
        currentUses: 0,
        description: 'ci',
        apiServer: emu.url,
        lastUseTime: 'None',
      });
      expect(n['id']).toMatch(new RegExp(`^${T}_`));
      expect(n['createTime']).toMatch(TIME);
      expect(n['_links']).toEqual({
        self: `${emu.url}/actors/v2/${id}/nonces/${String(n['id'])}`,
        owner: `${emu.url}/profiles/v2/alice`,
        actor: `${emu.url}/actors/v2/${id}`,
      });
    });

    it('shows an alias nonce with its alias and without actorId (camel case drops the null)', async () => {
      const id = await actorOf(emu, alice);
      await ok(
        call(emu, alice, 'POST', '/actors/v2/aliases', { json: { alias: 'shown.nonce', actorId: id } }),
      );
      const n = await ok(
        call(emu, alice, 'POST', '/actors/v2/aliases/shown.nonce/nonces', { json: { level: 'READ' } }),
      );
      expect(n).toMatchObject({ alias: 'shown.nonce', level: 'READ' });
      expect(n).not.toHaveProperty('actorId');
      expect(n).not.toHaveProperty('tenant');
    });

    it('keeps the null actor_id / alias in snake case, and no tenant', async () => {
      const id = await actorOf(snakeEmu, alice);
      const n = await ok(call(snakeEmu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { max_uses: 2 } }));
      expect(n).toMatchObject({
        actor_id: id,
        alias: null,
        max_uses: 2,
        remaining_uses: 2,
        last_use_time: 'None',
      });
      expect(n).toHaveProperty('api_server');
      expect(n).not.toHaveProperty('tenant');
    });

    it('stores the local user’s role as the service’s role string', async () => {
      const actor = await emu.client.add({ image: 'img/local' });
      expect((await emu.client.addNonce(actor.id)).roles).toEqual([ADMIN_ROLE]);
    });

    it('shows the time of the last use once used', async () => {
      const id = await actorOf(emu, alice);
      const n = await ok<{ id: string }>(
        call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'READ' } }),
      );
      await ok(raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`));
      const after = await ok<{ lastUseTime: string; currentUses: number }>(
        call(emu, alice, 'GET', `/actors/v2/${id}/nonces/${n.id}`),
      );
      expect(after.lastUseTime).toMatch(TIME);
      expect(after.currentUses).toBe(1);
    });
  });

  describe('creation', () => {
    it.each([0, -2, 'many', 1.5])('refuses maxUses %j with the service text', async (maxUses) => {
      const id = await actorOf(emu, alice);
      const res = await call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { maxUses } });
      expect(res.status).toBe(400);
      expect(
        res.json?.message.startsWith(
          'The max uses parameter must be a positive integer or -1 (to denote unlimited uses).',
        ),
      ).toBe(true);
    });

    it('refuses an unknown level with the service text', async () => {
      const id = await actorOf(emu, alice);
      const res = await call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'ALL' } });
      expect(res.status).toBe(400);
      expect(
        res.json?.message.startsWith(
          "Invalid nonce description. The level attribute must be one of: ('NONE', 'READ', 'EXECUTE', 'UPDATE')",
        ),
      ).toBe(true);
    });

    it('answers an unknown nonce with 400 "Nonce not found."', async () => {
      const id = await actorOf(emu, alice);
      for (const method of ['GET', 'DELETE']) {
        const res = await call(emu, alice, method, `/actors/v2/${id}/nonces/${T}_nothing`);
        expect(res.status, method).toBe(400);
        expect(res.json?.message.startsWith('Nonce not found.')).toBe(true);
      }
    });
  });

  describe('redemption', () => {
    it('answers each refusal with the service text', async () => {
      const id = await actorOf(emu, alice);
      const n = await ok<{ id: string }>(
        call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'READ', maxUses: 1 } }),
      );
      const low = await raw(emu, 'POST', `/actors/v2/${id}/messages?x-nonce=${n.id}`, {
        json: { message: 'x' },
      });
      expect(low.json?.message.startsWith('Nonce does not have sufficient permissions level.')).toBe(true);
      await ok(raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`));
      const spent = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`);
      expect(spent.status).toBe(400);
      expect(spent.json?.message.startsWith('No remaining uses left for this nonce.')).toBe(true);
      const unknown = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${T}_nosuchnonce`);
      expect(unknown.status).toBe(400);
      expect(unknown.json?.message.startsWith('Nonce does not exist.')).toBe(true);
    });

    it('looks the nonce up by the path’s kind: an actor nonce fails through an alias, an alias nonce through the id', async () => {
      const id = await actorOf(emu, alice);
      await ok(
        call(emu, alice, 'POST', '/actors/v2/aliases', { json: { alias: 'kind.of.path', actorId: id } }),
      );
      const actorNonce = await ok<{ id: string }>(
        call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: {} }),
      );
      const aliasNonce = await ok<{ id: string }>(
        call(emu, alice, 'POST', '/actors/v2/aliases/kind.of.path/nonces', { json: {} }),
      );
      const send = (path: string, nonce: string) =>
        raw(emu, 'POST', `/actors/v2/${path}/messages?x-nonce=${nonce}`, { json: { message: 'n' } });
      for (const [path, nonce] of [
        ['kind.of.path', actorNonce.id],
        [id, aliasNonce.id],
      ] as const) {
        const res = await send(path, nonce);
        expect(res.status, path).toBe(400);
        expect(res.json?.message.startsWith('Nonce does not exist.'), res.text).toBe(true);
      }
      await ok(send(id, actorNonce.id));
      await ok(send('kind.of.path', aliasNonce.id));
    });

    it('uses a JWT first: with both, the nonce is not consulted nor counted', async () => {
      const id = await actorOf(emu, alice);
      const n = await ok<{ id: string }>(call(emu, alice, 'POST', `/actors/v2/${id}/nonces`, { json: {} }));
      const res = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`, { headers: jwtHeaders(bob) });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith('Not authorized -- you do not have access to this actor.')).toBe(
        true,
      );
      const withToken = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`, { token: USERS.bob.token });
      expect(withToken.status).toBe(400);
      const after = await ok<{ currentUses: number }>(
        call(emu, alice, 'GET', `/actors/v2/${id}/nonces/${n.id}`),
      );
      expect(after.currentUses).toBe(0);
    });

    it('acts as the nonce’s creator: a user who lost access can no longer use the nonce they made', async () => {
      const id = await actorOf(emu, alice);
      await ok(
        call(emu, alice, 'POST', `/actors/v2/${id}/permissions`, { json: { user: 'bob', level: 'UPDATE' } }),
      );
      const n = await ok<{ id: string }>(
        call(emu, bob, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'READ' } }),
      );
      await ok(raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`));
      await ok(
        call(emu, alice, 'POST', `/actors/v2/${id}/permissions`, { json: { user: 'bob', level: 'NONE' } }),
      );
      const res = await raw(emu, 'GET', `/actors/v2/${id}?x-nonce=${n.id}`);
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith('Not authorized -- you do not have access to this actor.')).toBe(
        true,
      );
    });

    it('acts with the roles stored in the nonce: an admin’s nonce authorizes as admin', async () => {
      const id = await actorOf(emu, alice);
      const n = await ok<{ id: string; roles: string[] }>(
        call(emu, admin, 'POST', `/actors/v2/${id}/nonces`, { json: { level: 'EXECUTE' } }),
      );
      expect(n.roles).toEqual([ADMIN_ROLE]);
      // root holds no entry on alice's actor: only the stored admin role lets the request through
      expect(await ok(call(emu, alice, 'GET', `/actors/v2/${id}/permissions`))).toEqual({ alice: 'UPDATE' });
      await ok(
        raw(emu, 'POST', `/actors/v2/${id}/messages?x-nonce=${n.id}`, { json: { message: 'as admin' } }),
      );
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator } from '../api/fixture.js';
import { actorOf, ADMIN_ROLE, call, caller, ok } from './auth-fixture.js';

// fidelity.md §2.2 (alias display), §5.2 (actor routes through an alias), §5.3 (alias management routes).
const T = 'DEV';
const alice = caller(T, 'alice');
const bob = caller(T, 'bob');
const admin = caller(T, 'root', ADMIN_ROLE);
const FORBIDDEN_LIST = `['\\\\', ' ', '"', ':', '/', '?', '#', '[', ']', '@', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=']`;
const ACTOR_DENIED = 'Not authorized -- you do not have access to this actor.';
const ALIAS_DENIED = 'Not authorized -- you do not have access to this alias.';
const BOTH_DENIED = 'Not authorized -- you do not have access to this alias and actor.';

let counter = 0;
const fresh = (stem: string) => `${stem}-${++counter}`;

describe('aliases', () => {
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

  async function aliasOf(who = alice): Promise<{ id: string; name: string }> {
    const id = await actorOf(emu, who);
    const name = fresh('al');
    await ok(call(emu, who, 'POST', '/actors/v2/aliases', { json: { alias: name, actorId: id } }));
    return { id, name };
  }

  describe('display', () => {
    it('shows alias, actorId, owner and _links{self, owner, actor}, and nothing else (camel)', async () => {
      const id = await actorOf(emu, alice);
      const res = await call(emu, alice, 'POST', '/v3/actors/aliases', {
        json: { alias: 'shown.alias', actorId: id },
      });
      expect(res.json?.message).toBe('Actor alias created successfully.');
      const server = emu.url;
      expect(res.json?.result).toEqual({
        alias: 'shown.alias',
        actorId: id,
        owner: 'alice',
        _links: {
          self: `${server}/actors/v2/aliases/shown.alias`,
          owner: `${server}/profiles/v2/alice`,
          actor: `${server}/actors/v2/${id}`,
        },
      });
      const listed = await ok<unknown[]>(call(emu, alice, 'GET', '/actors/v2/aliases'));
      expect(listed).toContainEqual(res.json?.result);
      expect(await ok(call(emu, alice, 'GET', '/actors/v2/aliases/shown.alias'))).toEqual(res.json?.result);
    });

    it('shows actor_id in snake case, with no tenant and no create time', async () => {
      const id = await actorOf(snakeEmu, alice);
      const result = await ok(
        call(snakeEmu, alice, 'POST', '/actors/v2/aliases', { json: { alias: 'snaky', actor_id: id } }),
      );
      expect(Object.keys(result).sort()).toEqual(['_links', 'actor_id', 'alias', 'owner']);
      expect(result).toMatchObject({ alias: 'snaky', actor_id: id, owner: 'alice' });
    });
  });

  describe('create and move', () => {
    it.each([
      ['a hash id', 'AbCdEfGhIjK12', 'Invalid alias description. Alias cannot be an Abaco hash id.'],
      [
        'a reserved word',
        'logs',
        "logs is a reserved word. The following reserved words cannot be used for an alias: ['executions', 'nonces', 'logs', 'messages', 'adapters', 'admin'].",
      ],
      [
        'a space',
        'two words',
        `' ' is a forbidden character. The following characters cannot be used for an alias: ${FORBIDDEN_LIST}.`,
      ],
      [
        'a quote',
        "it's",
        `''' is a forbidden character. The following characters cannot be used for an alias: ${FORBIDDEN_LIST}.`,
      ],
      [
        'an at sign',
        'me@home',
        `'@' is a forbidden character. The following characters cannot be used for an alias: ${FORBIDDEN_LIST}.`,
      ],
    ])('refuses %s with the service text', async (_what, alias, text) => {
      const id = await actorOf(emu, alice);
      const res = await call(emu, alice, 'POST', '/actors/v2/aliases', { json: { alias, actorId: id } });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith(text), res.text).toBe(true);
    });

    it('refuses a duplicate with the service text', async () => {
      const { id, name } = await aliasOf();
      const res = await call(emu, alice, 'POST', '/actors/v2/aliases', {
        json: { alias: name, actorId: id },
      });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith(`Alias ${name} already exists.`)).toBe(true);
    });

    it('answers 404 for an actor that does not exist', async () => {
      const res = await call(emu, alice, 'POST', '/actors/v2/aliases', {
        json: { alias: fresh('nowhere'), actorId: 'ZZZZZZZZZZZZZ' },
      });
      expect(res.status).toBe(404);
      expect(res.json?.message.startsWith('No actor found with id: ZZZZZZZZZZZZZ.')).toBe(true);
    });

    it('needs an explicit UPDATE grant on the actor to create, even for an admin', async () => {
      const id = await actorOf(emu, alice);
      const name = fresh('granted');
      for (const who of [bob, admin]) {
        const res = await call(emu, who, 'POST', '/actors/v2/aliases', {
          json: { alias: name, actorId: id },
        });
        expect(res.status, who.user).toBe(400);
        expect(res.json?.message.startsWith(`Not authorized -- you do not have access to ${id}.`)).toBe(true);
      }
      await ok(
        call(emu, alice, 'POST', `/actors/v2/${id}/permissions`, { json: { user: 'root', level: 'UPDATE' } }),
      );
      expect(
        await ok(call(emu, admin, 'POST', '/actors/v2/aliases', { json: { alias: name, actorId: id } })),
      ).toMatchObject({
        owner: 'root',
      });
    });

    it('refuses a PUT whose body names the alias, even unchanged', async () => {
      const { id, name } = await aliasOf();
      const res = await call(emu, alice, 'PUT', `/actors/v2/aliases/${name}`, {
        json: { alias: name, actorId: id },
      });
      expect(res.status).toBe(400);
      expect(
        res.json?.message.startsWith(
          'Invalid alias update description. The alias itself cannot be updated in a PUT request.',
        ),
      ).toBe(true);
    });

    it('moves only with UPDATE on the alias and on the new actor', async () => {
      const { name } = await aliasOf();
      const bobs = await actorOf(emu, bob);
      const mine = await actorOf(emu, alice);
      const noTarget = await call(emu, alice, 'PUT', `/actors/v2/aliases/${name}`, {
        json: { actorId: bobs },
      });
      expect(noTarget.status).toBe(400);
      expect(
        noTarget.json?.message.startsWith(
          'Not authorized -- you do not have UPDATE access to the actor you want to associate with this alias.',
        ),
      ).toBe(true);
      const noAlias = await call(emu, bob, 'PUT', `/actors/v2/aliases/${name}`, { json: { actorId: bobs } });
      expect(noAlias.json?.message.startsWith(ALIAS_DENIED)).toBe(true);
      const moved = await call(emu, alice, 'PUT', `/actors/v2/aliases/${name}`, { json: { actorId: mine } });
      expect(moved.json?.message).toBe('Alias updated successfully.');
      expect(moved.json?.result).toMatchObject({ actorId: mine });
      // an admin passes both checks through the role
      expect(
        await ok(call(emu, admin, 'PUT', `/actors/v2/aliases/${name}`, { json: { actorId: bobs } })),
      ).toMatchObject({
        actorId: bobs,
      });
    });
  });

  describe('reading and listing', () => {
    it('lists every alias of the tenant to every user', async () => {
      const { name } = await aliasOf(alice);
      const names = (await ok<{ alias: string }[]>(call(emu, bob, 'GET', '/actors/v2/aliases'))).map(
        (a) => a.alias,
      );
      expect(names).toContain(name);
    });

    it('needs READ on the alias to read it, UPDATE to delete it', async () => {
      const { name } = await aliasOf();
      const read = await call(emu, bob, 'GET', `/actors/v2/aliases/${name}`);
      expect(read.status).toBe(400);
      expect(read.json?.message.startsWith(ALIAS_DENIED)).toBe(true);
      const perms = await call(emu, bob, 'GET', `/actors/v2/aliases/${name}/permissions`);
      expect(perms.json?.message.startsWith(ALIAS_DENIED)).toBe(true);
      await ok(
        call(emu, alice, 'POST', `/actors/v2/aliases/${name}/permissions`, {
          json: { user: 'bob', level: 'READ' },
        }),
      );
      await ok(call(emu, bob, 'GET', `/actors/v2/aliases/${name}`));
      const del = await call(emu, bob, 'DELETE', `/actors/v2/aliases/${name}`);
      expect(del.json?.message.startsWith(ALIAS_DENIED)).toBe(true);
      const deleted = await call(emu, alice, 'DELETE', `/actors/v2/aliases/${name}`);
      expect(deleted.json).toMatchObject({ result: null, message: 'Alias deleted successfully.' });
    });
  });

  describe('actor routes reached through an alias', () => {
    it('check only the actor’s permissions: an alias grant confers nothing on the actor', async () => {
      const { name } = await aliasOf();
      await ok(
        call(emu, alice, 'POST', `/actors/v2/aliases/${name}/permissions`, {
          json: { user: 'bob', level: 'UPDATE' },
        }),
      );
      for (const [method, path, body] of [
        ['GET', `/${name}`, {}],
        ['PUT', `/${name}`, { json: { image: 'img/x' } }],
        ['DELETE', `/${name}`, {}],
        ['POST', `/${name}/messages`, { json: { message: 'hi' } }],
        ['GET', `/${name}/state`, {}],
      ] as const) {
        const res = await call(emu, bob, method, `/actors/v2${path}`, body);
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.json?.message.startsWith(ACTOR_DENIED), res.text).toBe(true);
      }
      await ok(call(emu, alice, 'GET', `/actors/v2/${name}`));
    });

    it('let an actor grant work through the alias without any alias grant', async () => {
      const { id, name } = await aliasOf();
      await ok(
        call(emu, alice, 'POST', `/actors/v2/${id}/permissions`, { json: { user: 'bob', level: 'EXECUTE' } }),
      );
      expect((await ok<{ id: string }>(call(emu, bob, 'GET', `/actors/v2/${name}`))).id).toBe(id);
      await ok(call(emu, bob, 'POST', `/actors/v2/${name}/messages`, { json: { message: 'hi' } }));
    });
  });

  describe('alias nonces', () => {
    it('need READ on both the alias and the actor to read, UPDATE on both to create or delete', async () => {
      const { id, name } = await aliasOf();
      const nonce = await ok<{ id: string }>(
        call(emu, alice, 'POST', `/actors/v2/aliases/${name}/nonces`, { json: {} }),
      );
      const grant = (path: string, level: string) =>
        ok(call(emu, alice, 'POST', `/actors/v2${path}/permissions`, { json: { user: 'bob', level } }));
      const denied = async (method: string, path: string) => {
        const res = await call(
          emu,
          bob,
          method,
          `/actors/v2/aliases/${name}${path}`,
          method === 'POST' ? { json: {} } : {},
        );
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.json?.message.startsWith(BOTH_DENIED), res.text).toBe(true);
      };
      await grant(`/aliases/${name}`, 'UPDATE');
      await denied('GET', '/nonces');
      await denied('GET', `/nonces/${nonce.id}`);
      await denied('POST', '/nonces');
      await grant(`/${id}`, 'READ');
      expect((await ok<unknown[]>(call(emu, bob, 'GET', `/actors/v2/aliases/${name}/nonces`))).length).toBe(
        1,
      );
      await denied('POST', '/nonces');
      await denied('DELETE', `/nonces/${nonce.id}`);
      await grant(`/${id}`, 'UPDATE');
      await ok(call(emu, bob, 'POST', `/actors/v2/aliases/${name}/nonces`, { json: { level: 'READ' } }));
      await grant(`/aliases/${name}`, 'READ');
      await denied('POST', '/nonces');
    });

    it('may only be NONE, READ or EXECUTE', async () => {
      const { name } = await aliasOf();
      const res = await call(emu, alice, 'POST', `/actors/v2/aliases/${name}/nonces`, {
        json: { level: 'UPDATE' },
      });
      expect(res.status).toBe(400);
      expect(
        res.json?.message.startsWith(
          "Invalid nonce description. The level attribute must be one of: ('NONE', 'READ', 'EXECUTE')",
        ),
      ).toBe(true);
      for (const level of ['NONE', 'READ', 'EXECUTE']) {
        expect(
          await ok(call(emu, alice, 'POST', `/actors/v2/aliases/${name}/nonces`, { json: { level } })),
        ).toMatchObject({
          level,
          alias: name,
        });
      }
    });

    it('are deleted with their alias, so a new alias of that name does not revive them (a kept deviation)', async () => {
      const { id, name } = await aliasOf();
      const nonce = await ok<{ id: string }>(
        call(emu, alice, 'POST', `/actors/v2/aliases/${name}/nonces`, { json: { level: 'READ' } }),
      );
      await ok(call(emu, alice, 'DELETE', `/actors/v2/aliases/${name}`));
      await ok(call(emu, alice, 'POST', '/actors/v2/aliases', { json: { alias: name, actorId: id } }));
      expect(await ok(call(emu, alice, 'GET', `/actors/v2/aliases/${name}/nonces`))).toEqual([]);
      const used = await raw(emu, 'GET', `/actors/v2/${name}?x-nonce=${nonce.id}`);
      expect(used.status).toBe(400);
      expect(used.json?.message.startsWith('Nonce does not exist.')).toBe(true);
    });
  });
});

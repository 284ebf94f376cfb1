import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT } from '../../src/auth/users.js';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS, type RawResponse } from '../api/fixture.js';

// fidelity.md §6 (actor configs and secrets), §5.1 (permission documents), §2.2 (config display), §9.2.
const admin = USERS.admin.token;
const alice = USERS.alice.token;
const bob = USERS.bob.token;

const resultOf = <T>(res: RawResponse): T => res.json?.result as T;

async function addActor(emu: RunningEmulator, token: string, name?: string): Promise<string> {
  const res = await raw(emu, 'POST', '/actors', {
    token,
    json: { image: 'img/configs', ...(name ? { name } : {}) },
  });
  expect(res.status).toBe(200);
  return resultOf<{ id: string }>(res).id;
}

async function addAlias(emu: RunningEmulator, token: string, alias: string, actorId: string): Promise<void> {
  const res = await raw(emu, 'POST', '/actors/aliases', { token, json: { alias, actorId } });
  expect(res.status).toBe(200);
}

function config(name: string, actors: string, extra: Record<string, unknown> = {}) {
  return { name, value: `value of ${name}`, isSecret: false, actors, ...extra };
}

describe('actor configs (camel case, in memory)', () => {
  let emu: RunningEmulator;
  let aliceActor: string;
  let bobActor: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    aliceActor = await addActor(emu, alice);
    bobActor = await addActor(emu, bob);
  });
  afterAll(() => emu.dispose());

  it('creates a config and shows exactly name, value, isSecret and actors', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('plain', aliceActor),
    });
    expect(res.status).toBe(200);
    expect(res.json?.message).toBe('Actor config created successfully.');
    expect(res.json?.result).toEqual({
      name: 'plain',
      value: 'value of plain',
      isSecret: false,
      actors: aliceActor,
    });
  });

  it('reads it back under every base, with the service message', async () => {
    for (const base of ['/actors', '/actors/v2', '/v3/actors']) {
      const res = await raw(emu, 'GET', `${base}/configs/plain`, { token: alice });
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('Config retrieved successfully.');
      expect(res.json?.result).toEqual({
        name: 'plain',
        value: 'value of plain',
        isSecret: false,
        actors: aliceActor,
      });
    }
  });

  it('reads form fields, with isSecret as "True"/"false" strings', async () => {
    const body = new URLSearchParams({ name: 'form-cfg', value: 'v', isSecret: 'false', actors: aliceActor });
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(200);
    expect(resultOf<{ isSecret: boolean }>(res).isSecret).toBe(false);
    const secret = new URLSearchParams({
      name: 'form-secret',
      value: 'v',
      isSecret: 'True',
      actors: aliceActor,
    });
    const res2 = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: secret,
    });
    expect(res2.status).toBe(200);
    expect(resultOf<{ isSecret: boolean }>(res2).isSecret).toBe(true);
  });

  it('keeps actors as the string sent, spaces and all', async () => {
    await addAlias(emu, alice, 'alice-cfg-alias', aliceActor);
    const actors = `${aliceActor}, alice-cfg-alias`;
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('two-actors', actors),
    });
    expect(res.status).toBe(200);
    expect(resultOf<{ actors: string }>(res).actors).toBe(actors);
  });

  it.each([
    ['name', { value: 'v', isSecret: false, actors: 'x' }],
    ['value', { name: 'n', isSecret: false, actors: 'x' }],
    ['isSecret', { name: 'n', value: 'v', actors: 'x' }],
    ['actors', { name: 'n', value: 'v', isSecret: false }],
  ])('names the missing field %s', async (field, body) => {
    const res = await raw(emu, 'POST', '/actors/configs', { token: alice, json: body });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith(`Invalid config description. Missing required field: ${field}`)).toBe(
      true,
    );
  });

  it('names the first missing field in the service order', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', { token: alice, json: { isSecret: true } });
    expect(res.json?.message.startsWith('Invalid config description. Missing required field: name')).toBe(
      true,
    );
  });

  it('refuses an isSecret that is not a boolean, without echoing the value', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: { name: 'n', value: 'hunter2-secret', isSecret: 'maybe', actors: aliceActor },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith('Invalid config description. Missing required field: isSecret')).toBe(
      true,
    );
    expect(res.text).not.toContain('hunter2-secret');
  });

  it.each(['executions', 'nonces', 'logs', 'messages', 'adapters', 'admin', 'utilization'])(
    'refuses the reserved word %s with the service text',
    async (name) => {
      const res = await raw(emu, 'POST', '/actors/configs', { token: admin, json: config(name, aliceActor) });
      expect(res.status).toBe(400);
      expect(res.json?.message).toBe(
        `${name} is a reserved word. The following reserved words cannot be used for a config: ['executions', 'nonces', 'logs', 'messages', 'adapters', 'admin', 'utilization'].`,
      );
    },
  );

  it.each([...":/?#[]@!$&'()*+,;= "])(
    'refuses the forbidden character %j with the service text',
    async (c) => {
      const res = await raw(emu, 'POST', '/actors/configs', {
        token: alice,
        json: config(`bad${c}name`, aliceActor),
      });
      expect(res.status).toBe(400);
      expect(res.json?.message).toBe(
        `'${c}' is a forbidden character. The following characters cannot be used for a config name: [:/?#[]@!$&'()*+,;= ].`,
      );
    },
  );

  it('refuses a duplicate name with the service text', async () => {
    await raw(emu, 'POST', '/actors/configs', { token: alice, json: config('dup', aliceActor) });
    const res = await raw(emu, 'POST', '/actors/configs', { token: alice, json: config('dup', aliceActor) });
    expect(res.status).toBe(400);
    expect(res.json?.message).toBe('Config dup already exists; please choose another name for your config');
  });

  it('answers 404 naming an actors entry that is neither an actor nor an alias', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('ghost', `${aliceActor}, noSuchActor`),
    });
    expect(res.status).toBe(404);
    expect(res.json?.message).toBe('No actor or alias found with id: noSuchActor.');
  });

  it('needs UPDATE on every named actor (unlike the service, which ignores its check)', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('inject', `${aliceActor},${bobActor}`),
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toContain(bobActor);
    expect((await raw(emu, 'GET', '/actors/configs/inject', { token: admin })).status).toBe(404);
  });

  it('lets an admin attach a config to any actor', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: admin,
      json: config('admin-made', `${aliceActor},${bobActor}`),
    });
    expect(res.status).toBe(200);
  });

  it('answers 404 "No config found: {name}." for an unknown config', async () => {
    for (const [method, path] of [
      ['GET', '/actors/configs/nope'],
      ['PUT', '/actors/configs/nope'],
      ['DELETE', '/actors/configs/nope'],
      ['GET', '/actors/configs/nope/permissions'],
    ] as const) {
      const res = await raw(emu, method, path, {
        token: alice,
        ...(method === 'PUT' ? { json: config('nope', aliceActor) } : {}),
      });
      expect(res.status).toBe(404);
      expect(res.json?.message.startsWith('No config found: nope.')).toBe(true);
    }
  });

  it("lists only the configs the caller can read, and an admin's list has every config", async () => {
    await raw(emu, 'POST', '/actors/configs', { token: bob, json: config('bobs', bobActor) });
    const forAlice = await raw(emu, 'GET', '/actors/configs', { token: alice });
    expect(forAlice.status).toBe(200);
    expect(forAlice.json?.message).toBe('Actor Configs retrieved successfully.');
    const aliceNames = resultOf<{ name: string }[]>(forAlice).map((c) => c.name);
    expect(aliceNames).toContain('plain');
    expect(aliceNames).not.toContain('bobs');
    expect(aliceNames).not.toContain('admin-made');
    const adminNames = resultOf<{ name: string }[]>(
      await raw(emu, 'GET', '/actors/configs', { token: admin }),
    ).map((c) => c.name);
    expect(adminNames).toEqual(expect.arrayContaining(['plain', 'bobs', 'admin-made']));
  });

  it("lets the owner read, update and delete its config (the service's 500 for non-admins is not copied)", async () => {
    await raw(emu, 'POST', '/actors/configs', { token: bob, json: config('bob-life', bobActor) });
    expect((await raw(emu, 'GET', '/actors/configs/bob-life', { token: bob })).status).toBe(200);
    const put = await raw(emu, 'PUT', '/actors/configs/bob-life', {
      token: bob,
      json: { name: 'ignored-name', value: 'new', isSecret: false, actors: bobActor },
    });
    expect(put.status).toBe(200);
    expect(put.json?.message).toBe('Actor config updated successfully.');
    expect(put.json?.result).toEqual({ name: 'bob-life', value: 'new', isSecret: false, actors: bobActor });
    const del = await raw(emu, 'DELETE', '/actors/configs/bob-life', { token: bob });
    expect(del.status).toBe(200);
    expect(del.json?.message).toBe('Actor config bob-life deleted successfully.');
    expect(del.json?.result).toBeNull();
    expect((await raw(emu, 'GET', '/actors/configs/bob-life', { token: bob })).status).toBe(404);
  });

  it('requires all four fields again on update', async () => {
    const res = await raw(emu, 'PUT', '/actors/configs/plain', { token: alice, json: { value: 'only' } });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith('Invalid config description. Missing required field: name')).toBe(
      true,
    );
  });

  it('checks the actors again on update, UPDATE on each included', async () => {
    const res = await raw(emu, 'PUT', '/actors/configs/plain', {
      token: alice,
      json: config('plain', bobActor),
    });
    expect(res.status).toBe(400);
    expect(res.json?.message).toContain(bobActor);
    const missing = await raw(emu, 'PUT', '/actors/configs/plain', {
      token: alice,
      json: config('plain', 'zzz'),
    });
    expect(missing.status).toBe(404);
    expect(missing.json?.message).toBe('No actor or alias found with id: zzz.');
  });

  it('refuses another user with the service text, for reads, updates and deletes', async () => {
    for (const [method, path] of [
      ['GET', '/actors/configs/plain'],
      ['PUT', '/actors/configs/plain'],
      ['DELETE', '/actors/configs/plain'],
      ['GET', '/actors/configs/plain/permissions'],
      ['POST', '/actors/configs/plain/permissions'],
    ] as const) {
      const res = await raw(emu, method, path, {
        token: bob,
        ...(method === 'POST' ? { json: { user: 'bob', level: 'UPDATE' } } : {}),
        ...(method === 'PUT' ? { json: config('plain', bobActor) } : {}),
      });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith('You do not have sufficient access to this actor config.')).toBe(
        true,
      );
    }
  });

  it('serves the permissions document as a flat map, and a READ grant lets a user read but not update', async () => {
    const before = await raw(emu, 'GET', '/actors/configs/plain/permissions', { token: alice });
    expect(before.status).toBe(200);
    expect(before.json?.message).toBe('Permissions retrieved successfully.');
    expect(before.json?.result).toEqual({ alice: 'UPDATE' });
    const grant = await raw(emu, 'POST', '/actors/configs/plain/permissions', {
      token: alice,
      json: { user: 'bob', level: 'READ' },
    });
    expect(grant.status).toBe(200);
    expect(grant.json?.message).toBe('Permission added successfully.');
    expect(grant.json?.result).toEqual({ alice: 'UPDATE', bob: 'READ' });
    expect((await raw(emu, 'GET', '/actors/configs/plain', { token: bob })).status).toBe(200);
    const names = resultOf<{ name: string }[]>(await raw(emu, 'GET', '/actors/configs', { token: bob })).map(
      (c) => c.name,
    );
    expect(names).toContain('plain');
    const put = await raw(emu, 'PUT', '/actors/configs/plain', {
      token: bob,
      json: config('plain', aliceActor),
    });
    expect(put.status).toBe(400);
    expect((await raw(emu, 'GET', '/actors/configs/plain/permissions', { token: bob })).status).toBe(200);
  });

  it('refuses a permission level the service does not know', async () => {
    const res = await raw(emu, 'POST', '/actors/configs/plain/permissions', {
      token: alice,
      json: { user: 'bob', level: 'OWNER' },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith('Invalid permission level: OWNER. The valid values are')).toBe(true);
  });

  it('stores NONE as a level in the config document, and NONE reads nothing', async () => {
    await raw(emu, 'POST', '/actors/configs', { token: alice, json: config('none-level', aliceActor) });
    const set = await raw(emu, 'POST', '/actors/configs/none-level/permissions', {
      token: alice,
      json: { user: 'bob', level: 'NONE' },
    });
    expect(set.json?.result).toEqual({ alice: 'UPDATE', bob: 'NONE' });
    expect((await raw(emu, 'GET', '/actors/configs/none-level', { token: bob })).status).toBe(400);
  });

  it('drops the permissions with the config: a new config of that name starts with its creator only', async () => {
    await raw(emu, 'POST', '/actors/configs', { token: alice, json: config('reborn', aliceActor) });
    await raw(emu, 'POST', '/actors/configs/reborn/permissions', {
      token: alice,
      json: { user: 'bob', level: 'UPDATE' },
    });
    expect((await raw(emu, 'DELETE', '/actors/configs/reborn', { token: alice })).status).toBe(200);
    await raw(emu, 'POST', '/actors/configs', { token: alice, json: config('reborn', aliceActor) });
    const perms = await raw(emu, 'GET', '/actors/configs/reborn/permissions', { token: alice });
    expect(perms.json?.result).toEqual({ alice: 'UPDATE' });
    expect((await raw(emu, 'GET', '/actors/configs/reborn', { token: bob })).status).toBe(400);
  });

  it('answers a secret with its ciphertext, never the plain value', async () => {
    const plain = 'pa55word-for-the-db';
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('secret-one', aliceActor, { value: plain, isSecret: true }),
    });
    expect(res.status).toBe(200);
    const shown = resultOf<{ value: string; isSecret: boolean }>(res);
    expect(shown.isSecret).toBe(true);
    expect(shown.value).not.toContain(plain);
    expect(shown.value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    const got = await raw(emu, 'GET', '/actors/configs/secret-one', { token: alice });
    expect(resultOf<{ value: string }>(got).value).toBe(shown.value);
    expect(got.text).not.toContain(plain);
    const listed = await raw(emu, 'GET', '/actors/configs', { token: alice });
    expect(listed.text).not.toContain(plain);
  });

  it('encrypts a secret again on update, with a fresh nonce', async () => {
    const first = resultOf<{ value: string }>(
      await raw(emu, 'GET', '/actors/configs/secret-one', { token: alice }),
    );
    const put = await raw(emu, 'PUT', '/actors/configs/secret-one', {
      token: alice,
      json: config('secret-one', aliceActor, { value: 'pa55word-for-the-db', isSecret: true }),
    });
    expect(put.status).toBe(200);
    const second = resultOf<{ value: string }>(put);
    expect(second.value).not.toBe(first.value);
    expect(second.value).not.toContain('pa55word');
  });

  it('keeps /configs apart from actor routes: PUT /configs is the actor route, not a config route', async () => {
    const res = await raw(emu, 'PUT', '/actors/configs', { token: admin, json: { image: 'x' } });
    expect(res.json?.message ?? '').not.toContain('config description');
  });

  it('refuses a nonce on config routes', async () => {
    const nonce = await raw(emu, 'POST', `/actors/${aliceActor}/nonces`, {
      token: alice,
      json: { level: 'UPDATE', maxUses: 5 },
    });
    expect(nonce.status).toBe(200);
    const id = resultOf<{ id: string }>(nonce).id;
    const res = await raw(emu, 'GET', `/actors/configs/plain?x-nonce=${id}`);
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('value of plain');
  });
});

describe('actor configs in snake case', () => {
  let emu: RunningEmulator;
  let actor: string;
  beforeAll(async () => {
    emu = await startTestEmulator({ keyCase: 'snake' });
    actor = await addActor(emu, alice);
  });
  afterAll(() => emu.dispose());

  it('shows is_secret, and reads is_secret from a snake body', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: { name: 'snaky', value: 'v', is_secret: 'False', actors: actor },
    });
    expect(res.status).toBe(200);
    expect(res.json?.result).toEqual({ name: 'snaky', value: 'v', is_secret: false, actors: actor });
  });

  it('names the missing field in snake case', async () => {
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: { name: 'n', value: 'v', actors: actor },
    });
    expect(res.status).toBe(400);
    expect(
      res.json?.message.startsWith('Invalid config description. Missing required field: is_secret'),
    ).toBe(true);
  });

  it('shows user names in the permission map as stored, whatever the key case', async () => {
    await raw(emu, 'POST', '/actors/configs/snaky/permissions', {
      token: alice,
      json: { user: 'janeDoe', level: 'READ' },
    });
    const res = await raw(emu, 'GET', '/actors/configs/snaky/permissions', { token: alice });
    expect(res.json?.result).toEqual({ alice: 'UPDATE', janeDoe: 'READ' });
  });
});

describe('secrets at rest', () => {
  let dir: string;
  let emu: RunningEmulator;
  const plain = 'the-plain-secret-XYZZY-42';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'actorkit-configs-'));
    emu = await startTestEmulator({ inMemory: false, dataDir: dir });
  });
  afterAll(async () => {
    await emu.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a secret encrypted: no file of the data directory holds the plain value', async () => {
    const actor = await addActor(emu, alice);
    const res = await raw(emu, 'POST', '/actors/configs', {
      token: alice,
      json: config('at-rest', actor, { value: plain, isSecret: true }),
    });
    expect(res.status).toBe(200);
    const shown = resultOf<{ value: string }>(res).value;
    const files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
    expect(files.some((f) => f.startsWith('emulator.sqlite'))).toBe(true);
    let sawCiphertext = false;
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.includes(Buffer.from(plain)), `${f} holds the plain secret`).toBe(false);
      if (bytes.includes(Buffer.from(shown))) sawCiphertext = true;
    }
    expect(sawCiphertext).toBe(true);
  });

  it('keeps the key in config-secret.key, readable by its owner only', () => {
    const mode = statSync(join(dir, 'config-secret.key')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('keeps reading secrets after a restart on the same data directory', async () => {
    await emu.dispose();
    emu = await startTestEmulator({ inMemory: false, dataDir: dir });
    const got = await raw(emu, 'GET', '/actors/configs/at-rest', { token: alice });
    expect(got.status).toBe(200);
    expect(resultOf<{ value: string }>(got).value).not.toContain(plain);
    const record = emu.store.configs.get(DEFAULT_TENANT, 'at-rest');
    expect(record).not.toBeNull();
    expect(emu.store.configs.plainValue(record!)).toBe(plain);
  });
});

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('configs are tenant-scoped', () => {
  let emu: RunningEmulator;
  const as = (tenant: string, user: string, admin = false) => ({
    [`X-Jwt-Assertion-${tenant}`]: jwt({
      'http://wso2.org/claims/enduser': user,
      'http://wso2.org/claims/role': admin ? 'Internal/abaco-admin' : 'Internal/abaco-user',
    }),
  });
  beforeAll(async () => {
    emu = await startTestEmulator({ trustJwt: true });
  });
  afterAll(() => emu.dispose());

  it("keeps one tenant's configs out of another's list, reads and names", async () => {
    const created = await raw(emu, 'POST', '/actors', {
      headers: as('TENA', 'jdoe'),
      json: { image: 'img/t' },
    });
    const actorA = resultOf<{ id: string }>(created).id;
    const res = await raw(emu, 'POST', '/actors/configs', {
      headers: as('TENA', 'jdoe'),
      json: config('shared-name', actorA),
    });
    expect(res.status).toBe(200);
    const adminB = as('TENB', 'root', true);
    const listB = await raw(emu, 'GET', '/actors/configs', { headers: adminB });
    expect(resultOf<{ name: string }[]>(listB).map((c) => c.name)).not.toContain('shared-name');
    const getB = await raw(emu, 'GET', '/actors/configs/shared-name', { headers: adminB });
    expect(getB.status).toBe(404);
    expect(getB.json?.message.startsWith('No config found: shared-name.')).toBe(true);
    // the same user name in the other tenant is another user: nothing of tenant A reaches it
    const sameUserB = await raw(emu, 'GET', '/actors/configs/shared-name', { headers: as('TENB', 'jdoe') });
    expect(sameUserB.status).toBe(404);
    // an actor of tenant A cannot be named from tenant B, even by an admin
    const attach = await raw(emu, 'POST', '/actors/configs', {
      headers: adminB,
      json: config('steal', actorA),
    });
    expect(attach.status).toBe(404);
    expect(attach.json?.message).toBe(`No actor or alias found with id: ${actorA}.`);
    // the name is free in tenant B
    const actorB = resultOf<{ id: string }>(
      await raw(emu, 'POST', '/actors', { headers: adminB, json: { image: 'img/t' } }),
    ).id;
    const again = await raw(emu, 'POST', '/actors/configs', {
      headers: adminB,
      json: config('shared-name', actorB),
    });
    expect(again.status).toBe(200);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { DB_FILE } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { raw, startTestEmulator } from '../api/fixture.js';
import { actorOf, ADMIN_ROLE, call, caller, ok, type Body } from './auth-fixture.js';

// fidelity.md §4 (tenant isolation), §9.2 (not-found codes), §10 (tenant from the token), §2.3 (nonce ids).
const A = 'SD2E';
const B = 'TACC';
const ann = caller(A, 'ann');
const annOfB = caller(B, 'ann'); // the same user name in the other tenant
const bob = caller(B, 'bob');
const bossOfB = caller(B, 'boss', ADMIN_ROLE);
const bossOfA = caller(A, 'boss', ADMIN_ROLE);

interface World {
  x: string; // ann's actor in tenant A
  y: string; // bob's actor in tenant B
  execution: string;
  worker: string;
  nonce: string;
}

describe('tenant isolation', () => {
  let emu: RunningEmulator;
  const w = {} as World;
  beforeAll(async () => {
    emu = await startTestEmulator({ trustJwt: true });
    w.x = await actorOf(emu, ann, { stateless: false });
    w.y = await actorOf(emu, bob);
    await ok(call(emu, ann, 'POST', `/actors/v2/${w.x}/state`, { json: { kept: true } }));
    await ok(
      call(emu, ann, 'POST', `/actors/v2/${w.x}/permissions`, { json: { user: 'carol', level: 'READ' } }),
    );
    const sent = await ok<{ executionId: string }>(
      call(emu, ann, 'POST', `/actors/v2/${w.x}/messages`, { json: { message: 'hello' } }),
    );
    w.execution = sent.executionId;
    await call(emu, bossOfA, 'POST', `/actors/v2/${w.x}/workers`, { json: { num: 1 } });
    const workers = await ok<{ id: string }[]>(call(emu, ann, 'GET', `/actors/v2/${w.x}/workers`));
    w.worker = workers[0]?.id ?? 'no-worker';
    const nonce = await ok<{ id: string }>(
      call(emu, ann, 'POST', `/actors/v2/${w.x}/nonces`, { json: { level: 'READ' } }),
    );
    w.nonce = nonce.id;
  });
  afterAll(() => emu.dispose());

  const routes: [string, (w: World) => string, Body?][] = [
    ['GET', (w) => `/${w.x}`],
    ['PUT', (w) => `/${w.x}`, { json: { image: 'img/stolen', stateless: false } }],
    ['DELETE', (w) => `/${w.x}`],
    ['GET', (w) => `/${w.x}/messages`],
    ['POST', (w) => `/${w.x}/messages`, { json: { message: 'intruder' } }],
    ['DELETE', (w) => `/${w.x}/messages`],
    ['GET', (w) => `/${w.x}/executions`],
    ['GET', (w) => `/${w.x}/executions/${w.execution}`],
    ['GET', (w) => `/${w.x}/executions/${w.execution}/logs`],
    ['GET', (w) => `/${w.x}/executions/${w.execution}/results`],
    ['DELETE', (w) => `/${w.x}/executions/${w.execution}`],
    ['GET', (w) => `/${w.x}/state`],
    ['POST', (w) => `/${w.x}/state`, { json: { stolen: true } }],
    ['GET', (w) => `/${w.x}/permissions`],
    ['POST', (w) => `/${w.x}/permissions`, { json: { user: 'bob', level: 'UPDATE' } }],
    ['GET', (w) => `/${w.x}/workers`],
    ['POST', (w) => `/${w.x}/workers`, { json: { num: 2 } }],
    ['GET', (w) => `/${w.x}/workers/${w.worker}`],
    ['DELETE', (w) => `/${w.x}/workers/${w.worker}`],
    ['GET', (w) => `/${w.x}/nonces`],
    ['POST', (w) => `/${w.x}/nonces`, { json: { level: 'UPDATE' } }],
    ['GET', (w) => `/${w.x}/nonces/${w.nonce}`],
    ['DELETE', (w) => `/${w.x}/nonces/${w.nonce}`],
  ];
  const cases = routes.flatMap(([method, path, body]) =>
    [annOfB, bob, bossOfB].map(
      (who) =>
        [
          `${method} ${path({ x: '{x}', y: '{y}', execution: '{e}', worker: '{w}', nonce: '{n}' })} as ${who.user} of ${who.tenant}`,
          method,
          path,
          body,
          who,
        ] as const,
    ),
  );

  it.each(cases)(
    'never shows nor changes another tenant’s actor: %s',
    async (_name, method, path, body, who) => {
      const res = await call(emu, who, method, `/actors/v2${path(w)}`, body ?? {});
      if (who.roles.includes(ADMIN_ROLE)) {
        expect(res.status, res.text).toBe(404);
        expect(res.json?.message.startsWith(`No actor found with identifier: ${w.x}.`), res.text).toBe(true);
      } else {
        expect(res.status, res.text).toBe(400);
        expect(res.json?.message.startsWith(`Actor ${B}_${w.x} does not exist`), res.text).toBe(true);
      }
    },
  );

  it('leaves the actor, its state, permissions, mailbox, executions and nonces as they were', async () => {
    const actor = await ok<{ image: string; owner: string }>(call(emu, ann, 'GET', `/actors/v2/${w.x}`));
    expect(actor).toMatchObject({ image: 'img/fidelity', owner: 'ann' });
    expect(await ok(call(emu, ann, 'GET', `/actors/v2/${w.x}/state`))).toMatchObject({
      state: { kept: true },
    });
    expect(await ok(call(emu, ann, 'GET', `/actors/v2/${w.x}/permissions`))).toEqual({
      ann: 'UPDATE',
      carol: 'READ',
    });
    expect(await ok(call(emu, ann, 'GET', `/actors/v2/${w.x}/messages`))).toMatchObject({ messages: 1 });
    await ok(call(emu, ann, 'GET', `/actors/v2/${w.x}/executions/${w.execution}`));
    expect(await ok(call(emu, ann, 'GET', `/actors/v2/${w.x}/nonces/${w.nonce}`))).toMatchObject({
      currentUses: 0,
    });
    const workers = await ok<unknown[]>(call(emu, ann, 'GET', `/actors/v2/${w.x}/workers`));
    expect(workers).toHaveLength(1);
  });

  it('lists only the tenant’s actors, for the same user name and for the tenant’s admin', async () => {
    for (const who of [annOfB, bob, bossOfB]) {
      const ids = (await ok<{ id: string }[]>(call(emu, who, 'GET', '/actors/v2'))).map((a) => a.id);
      expect(ids, who.user).not.toContain(w.x);
    }
    const ids = (await ok<{ id: string }[]>(call(emu, ann, 'GET', '/actors/v2'))).map((a) => a.id);
    expect(ids).toEqual([w.x]);
  });

  it('keeps the same alias name apart in two tenants, each pointing at its own actor', async () => {
    await ok(call(emu, ann, 'POST', '/actors/v2/aliases', { json: { alias: 'shared', actorId: w.x } }));
    expect(await ok<unknown[]>(call(emu, bob, 'GET', '/actors/v2/aliases'))).toEqual([]);
    const unseen = await call(emu, bob, 'GET', '/actors/v2/aliases/shared');
    expect(unseen.status).toBe(404);
    for (const path of ['/aliases/shared/permissions', '/aliases/shared/nonces']) {
      expect((await call(emu, bob, 'GET', `/actors/v2${path}`)).status, path).toBe(404);
    }
    // an alias of tenant A cannot be used to reach its actor from tenant B
    const through = await call(emu, bob, 'GET', '/actors/v2/shared');
    expect(through.status).toBe(400);
    expect(through.json?.message.startsWith(`Actor ${B}_shared does not exist`)).toBe(true);

    await ok(call(emu, bob, 'POST', '/actors/v2/aliases', { json: { alias: 'shared', actorId: w.y } }));
    expect((await ok<{ id: string }>(call(emu, ann, 'GET', '/actors/v2/shared'))).id).toBe(w.x);
    expect((await ok<{ id: string }>(call(emu, bob, 'GET', '/actors/v2/shared'))).id).toBe(w.y);
    expect(await ok(call(emu, ann, 'GET', '/actors/v2/aliases/shared'))).toMatchObject({
      actorId: w.x,
      owner: 'ann',
    });
    expect(await ok(call(emu, bob, 'GET', '/actors/v2/aliases/shared'))).toMatchObject({
      actorId: w.y,
      owner: 'bob',
    });
    expect(await ok(call(emu, ann, 'GET', '/actors/v2/aliases/shared/permissions'))).toEqual({
      ann: 'UPDATE',
    });
    expect(await ok(call(emu, bob, 'GET', '/actors/v2/aliases/shared/permissions'))).toEqual({
      bob: 'UPDATE',
    });

    const nonceA = await ok<{ id: string }>(
      call(emu, ann, 'POST', '/actors/v2/aliases/shared/nonces', { json: {} }),
    );
    const nonceB = await ok<{ id: string }>(
      call(emu, bob, 'POST', '/actors/v2/aliases/shared/nonces', { json: {} }),
    );
    const listed = async (who: typeof ann) =>
      (await ok<{ id: string }[]>(call(emu, who, 'GET', '/actors/v2/aliases/shared/nonces'))).map(
        (n) => n.id,
      );
    expect(await listed(ann)).toEqual([nonceA.id]);
    expect(await listed(bob)).toEqual([nonceB.id]);
    // tenant B's alias nonce does not open tenant A's alias of the same name, nor the other way round
    const crossed = await raw(emu, 'GET', `/actors/v2/shared?x-nonce=${nonceB.id}`);
    expect((await ok<{ id: string }>(crossed)).id).toBe(w.y);

    // deleting B's alias leaves A's
    await ok(call(emu, bob, 'DELETE', '/actors/v2/aliases/shared'));
    expect((await ok<{ id: string }>(call(emu, ann, 'GET', '/actors/v2/shared'))).id).toBe(w.x);
    expect(await listed(ann)).toEqual([nonceA.id]);
  });

  it('takes a nonce request’s tenant from the nonce id: it reaches its own actor, never another tenant’s', async () => {
    expect(w.nonce.startsWith(`${A}_`)).toBe(true);
    expect((await ok<{ id: string }>(raw(emu, 'GET', `/actors/v2/${w.x}?x-nonce=${w.nonce}`))).id).toBe(w.x);
    const other = await raw(emu, 'GET', `/actors/v2/${w.y}?x-nonce=${w.nonce}`);
    expect(other.status).toBe(400);
    expect(other.json?.message.startsWith(`Actor ${A}_${w.y} does not exist`)).toBe(true);
    const viaB = await call(emu, bob, 'GET', `/actors/v2/${w.y}/nonces/${w.nonce}`);
    expect(viaB.status).toBe(400);
    expect(viaB.json?.message.startsWith('Nonce not found.')).toBe(true);
    const listB = await ok<{ id: string }[]>(call(emu, bob, 'GET', `/actors/v2/${w.y}/nonces`));
    expect(listB.map((n) => n.id)).not.toContain(w.nonce);
  });

  it('lets an execution token act in its actor’s tenant only, and kills it when the execution ends', async () => {
    const token = emu.store.mintExecutionToken(w.execution, 'ann');
    const mine = await raw(emu, 'GET', `/actors/v2/${w.x}/state`, { token });
    expect(mine.status, mine.text).toBe(200);
    const theirs = await raw(emu, 'GET', `/actors/v2/${w.y}`, { token });
    expect(theirs.status).toBe(400);
    expect(theirs.json?.message.startsWith(`Actor ${A}_${w.y} does not exist`)).toBe(true);
    const listed = (await ok<{ id: string }[]>(raw(emu, 'GET', '/actors/v2', { token }))).map((a) => a.id);
    expect(listed).toEqual([w.x]);
    emu.store.finish(w.execution, {
      status: 'COMPLETE',
      statusMessage: '',
      exitCode: 0,
      finalState: { Status: 'exited' },
      startTime: new Date().toISOString(),
      finishTime: new Date().toISOString(),
      runtime: 1,
      cpu: 0,
      io: 0,
    });
    expect((await raw(emu, 'GET', `/actors/v2/${w.x}/state`, { token })).status).toBe(401);
  });

  it('keeps the executions and workers lists of each tenant’s actors apart', async () => {
    const mine = await ok<{ executions: { id: string }[] }>(
      call(emu, bob, 'GET', `/actors/v2/${w.y}/executions`),
    );
    expect(mine.executions.map((e) => e.id)).not.toContain(w.execution);
    expect(await ok<unknown[]>(call(emu, bob, 'GET', `/actors/v2/${w.y}/workers`))).not.toContainEqual(
      expect.objectContaining({ id: w.worker }),
    );
  });
});

describe('the tenant migration', () => {
  it('keeps the data of a store written with the global alias key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actorkit-tenancy-'));
    try {
      const mine = MIGRATIONS.findIndex((m) => m.includes('aliases_by_tenant'));
      expect(mine).toBeGreaterThan(0);
      const old = new Database(join(dir, DB_FILE));
      for (const m of MIGRATIONS.slice(0, mine)) old.exec(m);
      old.pragma(`user_version = ${mine}`);
      const t = '2024-01-02T03:04:05.000Z';
      old.prepare("INSERT INTO aliases VALUES ('team.wc', 'AAAAAAAAAAAAA', 'ann', 'SD2E', ?)").run(t);
      old.prepare("INSERT INTO permissions VALUES ('actor', 'AAAAAAAAAAAAA', 'ann', 'UPDATE')").run();
      old.prepare("INSERT INTO permissions VALUES ('alias', 'team.wc', 'ann', 'UPDATE')").run();
      old.prepare("INSERT INTO permissions VALUES ('alias', 'team.wc', 'ABACO_WORLD', 'READ')").run();
      old.prepare("INSERT INTO permissions VALUES ('alias', 'gone', 'ann', 'UPDATE')").run();
      old
        .prepare(
          `INSERT INTO nonces (id, actor_id, alias, owner, roles, level, max_uses, tenant, create_time)
           VALUES ('SD2E_n1', NULL, 'team.wc', 'ann', '["admin"]', 'READ', 3, 'SD2E', ?)`,
        )
        .run(t);
      old.close();

      const store = new Store({ dataDir: dir });
      try {
        expect(store.aliases.find('SD2E', 'team.wc')).toMatchObject({
          actorId: 'AAAAAAAAAAAAA',
          owner: 'ann',
        });
        expect(store.aliases.find('TACC', 'team.wc')).toBeNull();
        expect(store.permissions.list('alias', 'SD2E_team.wc')).toEqual({
          ann: 'UPDATE',
          ABACO_WORLD: 'READ',
        });
        expect(store.permissions.list('alias', 'team.wc')).toEqual({});
        expect(store.permissions.list('actor', 'AAAAAAAAAAAAA')).toEqual({ ann: 'UPDATE' });
        expect(store.nonces.get('SD2E_n1')).toMatchObject({
          roles: ['Internal/abaco-admin'],
          alias: 'team.wc',
        });
        expect(store.nonces.listForAlias('SD2E', 'team.wc').map((n) => n.id)).toEqual(['SD2E_n1']);
        // the same name may now exist in another tenant, and config permissions have a place
        store.aliases.insert({
          alias: 'team.wc',
          actorId: 'BBBBBBBBBBBBB',
          owner: 'bob',
          tenant: 'TACC',
          createTime: t,
        });
        store.permissions.set('config', 'SD2E_cfg', 'ann', 'NONE');
        expect(store.permissions.list('config', 'SD2E_cfg')).toEqual({ ann: 'NONE' });
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

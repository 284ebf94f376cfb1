import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { startTestEmulator } from '../api/fixture.js';
import { actorOf, call, caller, ok } from './auth-fixture.js';

// fidelity.md §5.1 (permission documents), §5.2 (actor routes through an alias).
const LEVELS_TEXT = "The valid values are ('NONE', 'READ', 'EXECUTE', 'UPDATE')";
const ACTOR_DENIED = 'Not authorized -- you do not have access to this actor.';
const owner = caller('DEV', 'ann_lee');
const bob = caller('DEV', 'bob');
const carol = caller('DEV', 'carol_x');

describe.each(['camel', 'snake'] as const)('permission documents in %s case', (keyCase) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ trustJwt: true, keyCase });
  });
  afterAll(() => emu.dispose());

  it('answers GET with the flat map of users to levels, user names as stored', async () => {
    const id = await actorOf(emu, owner);
    const res = await call(emu, owner, 'GET', `/actors/v2/${id}/permissions`);
    expect(res.json?.message).toBe('Permissions retrieved successfully.');
    expect(res.json?.result).toEqual({ ann_lee: 'UPDATE' });
  });

  it('answers POST with the whole flat map, from JSON and from a form', async () => {
    const id = await actorOf(emu, owner);
    const first = await call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
      json: { user: 'carol_x', level: 'READ' },
    });
    expect(first.json?.message).toBe('Permission added successfully.');
    expect(first.json?.result).toEqual({ ann_lee: 'UPDATE', carol_x: 'READ' });
    const second = await call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
      form: { user: 'someUser', level: 'EXECUTE' },
    });
    expect(second.json?.result).toEqual({ ann_lee: 'UPDATE', carol_x: 'READ', someUser: 'EXECUTE' });
  });

  it('stores NONE as a level and shows it, and NONE grants nothing', async () => {
    const id = await actorOf(emu, owner);
    await ok(
      call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, { json: { user: 'bob', level: 'READ' } }),
    );
    expect((await call(emu, bob, 'GET', `/actors/v2/${id}`)).status).toBe(200);
    const res = await call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
      json: { user: 'bob', level: 'NONE' },
    });
    expect(res.json?.result).toEqual({ ann_lee: 'UPDATE', bob: 'NONE' });
    expect(await ok(call(emu, owner, 'GET', `/actors/v2/${id}/permissions`))).toEqual({
      ann_lee: 'UPDATE',
      bob: 'NONE',
    });
    const denied = await call(emu, bob, 'GET', `/actors/v2/${id}`);
    expect(denied.status).toBe(400);
    expect(denied.json?.message.startsWith(ACTOR_DENIED)).toBe(true);
  });

  it('keeps entries in the order they were first made', async () => {
    const id = await actorOf(emu, owner);
    for (const [user, level] of [
      ['zed', 'READ'],
      ['amy', 'EXECUTE'],
      ['zed', 'UPDATE'],
    ]) {
      await ok(call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, { json: { user, level } }));
    }
    const doc = await ok<Record<string, string>>(call(emu, owner, 'GET', `/actors/v2/${id}/permissions`));
    expect(Object.entries(doc)).toEqual([
      ['ann_lee', 'UPDATE'],
      ['zed', 'UPDATE'],
      ['amy', 'EXECUTE'],
    ]);
  });

  it('refuses an unknown level with the service text, the tuple as Python prints it', async () => {
    const id = await actorOf(emu, owner);
    const res = await call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
      json: { user: 'bob', level: 'WRITE' },
    });
    expect(res.status).toBe(400);
    expect(res.json?.message.startsWith(`Invalid permission level: WRITE. ${LEVELS_TEXT}`), res.text).toBe(
      true,
    );
    expect(await ok(call(emu, owner, 'GET', `/actors/v2/${id}/permissions`))).toEqual({ ann_lee: 'UPDATE' });
  });

  it('answers an alias its own flat document, with the same messages', async () => {
    const id = await actorOf(emu, owner);
    const name = `perm-alias-${keyCase}`;
    await ok(call(emu, owner, 'POST', '/actors/v2/aliases', { json: { alias: name, actorId: id } }));
    const got = await call(emu, owner, 'GET', `/actors/v2/aliases/${name}/permissions`);
    expect(got.json?.message).toBe('Permissions retrieved successfully.');
    expect(got.json?.result).toEqual({ ann_lee: 'UPDATE' });
    const posted = await call(emu, owner, 'POST', `/actors/v2/aliases/${name}/permissions`, {
      json: { user: 'carol_x', level: 'NONE' },
    });
    expect(posted.json?.message).toBe('Permission added successfully.');
    expect(posted.json?.result).toEqual({ ann_lee: 'UPDATE', carol_x: 'NONE' });
    const bad = await call(emu, owner, 'POST', `/actors/v2/aliases/${name}/permissions`, {
      json: { user: 'carol_x', level: 'OWNER' },
    });
    expect(bad.json?.message.startsWith(`Invalid permission level: OWNER. ${LEVELS_TEXT}`)).toBe(true);
    // the actor's own document is untouched by the alias's
    expect(await ok(call(emu, owner, 'GET', `/actors/v2/${id}/permissions`))).toEqual({ ann_lee: 'UPDATE' });
  });

  it('refuses the document to a user without READ, and a change to one without UPDATE, with the service text', async () => {
    const id = await actorOf(emu, owner);
    const read = await call(emu, bob, 'GET', `/actors/v2/${id}/permissions`);
    expect(read.status).toBe(400);
    expect(read.json?.message.startsWith(ACTOR_DENIED)).toBe(true);
    await ok(
      call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
        json: { user: 'carol_x', level: 'EXECUTE' },
      }),
    );
    expect(await ok(call(emu, carol, 'GET', `/actors/v2/${id}/permissions`))).toEqual({
      ann_lee: 'UPDATE',
      carol_x: 'EXECUTE',
    });
    const grant = await call(emu, carol, 'POST', `/actors/v2/${id}/permissions`, {
      json: { user: 'carol_x', level: 'UPDATE' },
    });
    expect(grant.status).toBe(400);
    expect(grant.json?.message.startsWith(ACTOR_DENIED)).toBe(true);
  });

  it('lets ABACO_WORLD grant exactly its level (the service lets any ABACO_WORLD entry pass every check)', async () => {
    const id = await actorOf(emu, owner);
    await ok(
      call(emu, owner, 'POST', `/actors/v2/${id}/permissions`, {
        json: { user: 'ABACO_WORLD', level: 'READ' },
      }),
    );
    expect((await call(emu, bob, 'GET', `/actors/v2/${id}`)).status).toBe(200);
    const put = await call(emu, bob, 'PUT', `/actors/v2/${id}`, { json: { image: 'img/world' } });
    expect(put.status).toBe(400);
    expect(put.json?.message.startsWith(ACTOR_DENIED)).toBe(true);
    const send = await call(emu, bob, 'POST', `/actors/v2/${id}/messages`, { json: { message: 'x' } });
    expect(send.json?.message.startsWith(ACTOR_DENIED)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { clientAs, raw, startTestEmulator, USERS } from './fixture.js';

describe.each(['v2', 'v3', 'root'] as const)('aliases on the %s base', (flavour) => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('creates, reads, moves and deletes an alias with dots, usable wherever an actor id is', async () => {
    const owner = clientAs(emu, flavour, USERS.alice.token);
    const a = await owner.add({ image: 'img/a', stateless: false });
    const b = await owner.add({ image: 'img/b' });
    const alias = await owner.addAlias({ alias: 'team.word-count_v1', actorId: a.id });
    expect(alias).toMatchObject({ alias: 'team.word-count_v1', actorId: a.id, owner: USERS.alice.name });
    expect((await owner.listAliases()).map((x) => x.alias)).toEqual(['team.word-count_v1']);
    expect((await owner.get('team.word-count_v1')).id).toBe(a.id);
    await owner.updateState('team.word-count_v1', { via: 'alias' });
    expect((await owner.getState(a.id)).state).toEqual({ via: 'alias' });
    const { executionId } = await owner.sendMessage('team.word-count_v1', 'hi');
    expect((await owner.getExecution(a.id, executionId)).actorId).toBe(a.id);
    expect((await owner.updateAlias('team.word-count_v1', b.id)).actorId).toBe(b.id);
    expect((await owner.get('team.word-count_v1')).id).toBe(b.id);
    await owner.deleteAlias('team.word-count_v1');
    await expect(owner.get('team.word-count_v1')).rejects.toMatchObject({
      status: 400,
      serverMessage: /^Actor DEV-DEVELOP_team\.word-count_v1 does not exist/,
    });
  });

  it('rejects reserved names, duplicates, and aliases to actors the caller cannot update', async () => {
    const owner = clientAs(emu, flavour, USERS.alice.token);
    const bob = clientAs(emu, flavour, USERS.bob.token);
    const a = await owner.add({ image: 'img/r' });
    await expect(owner.addAlias({ alias: 'messages', actorId: a.id })).rejects.toMatchObject({
      status: 400,
      serverMessage: /reserved/,
    });
    await owner.addAlias({ alias: `dup-${flavour}`, actorId: a.id });
    await expect(owner.addAlias({ alias: `dup-${flavour}`, actorId: a.id })).rejects.toMatchObject({
      status: 400,
      serverMessage: /already exists/,
    });
    await expect(bob.addAlias({ alias: `bob-${flavour}`, actorId: a.id })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('has its own permissions and nonces (at most EXECUTE), which confer nothing on the actor', async () => {
    const owner = clientAs(emu, flavour, USERS.alice.token);
    const bob = clientAs(emu, flavour, USERS.bob.token);
    const a = await owner.add({ image: 'img/p' });
    const name = `shared.${flavour}`;
    await owner.addAlias({ alias: name, actorId: a.id });
    await expect(bob.getAlias(name)).rejects.toMatchObject({
      status: 400,
      serverMessage: /^Not authorized -- you do not have access to this alias\./,
    });
    await owner.updateAliasPermissions(name, { user: USERS.bob.name, level: 'EXECUTE' });
    expect(await owner.getAliasPermissions(name)).toEqual({ alice: 'UPDATE', bob: 'EXECUTE' });
    expect((await bob.getAlias(name)).actorId).toBe(a.id);
    await expect(bob.sendMessage(name, 'through the alias')).rejects.toMatchObject({
      status: 400,
      serverMessage: /^Not authorized -- you do not have access to this actor\./,
    });
    await expect(bob.sendMessage(a.id, 'by id')).rejects.toMatchObject({ status: 400 });
    await expect(owner.addAliasNonce(name, { level: 'UPDATE' })).rejects.toMatchObject({
      status: 400,
      serverMessage:
        /^Invalid nonce description\. The level attribute must be one of: \('NONE', 'READ', 'EXECUTE'\)/,
    });
    const nonce = await owner.addAliasNonce(name, { level: 'EXECUTE', maxUses: 2 });
    expect(nonce).toMatchObject({ alias: name, actorId: null, level: 'EXECUTE' });
    expect((await owner.listAliasNonces(name)).map((n) => n.id)).toEqual([nonce.id]);
    expect((await owner.getAliasNonce(name, nonce.id)).remainingUses).toBe(2);
    const base = emu.clientFor(flavour).baseUrl.replace(emu.url, '');
    const viaAlias = await raw(emu, 'POST', `${base}/${name}/messages?x-nonce=${nonce.id}`, {
      json: { message: 'n' },
    });
    expect(viaAlias.status, viaAlias.text).toBe(200);
    const viaId = await raw(emu, 'POST', `${base}/${a.id}/messages?x-nonce=${nonce.id}`, {
      json: { message: 'n' },
    });
    expect(viaId.status).toBe(400);
    expect(viaId.json?.message).toMatch(/^Nonce does not exist\./);
    await owner.deleteAliasNonce(name, nonce.id);
    await expect(owner.getAliasNonce(name, nonce.id)).rejects.toMatchObject({
      status: 400,
      serverMessage: /^Nonce not found\./,
    });
  });
});

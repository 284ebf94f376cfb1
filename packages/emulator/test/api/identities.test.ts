import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { clientWith, raw, startTestEmulator, USERS } from './fixture.js';

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const ENDUSER = 'http://wso2.org/claims/enduser';
const ROLE = 'http://wso2.org/claims/role';

describe('identities', () => {
  describe('with --trust-jwt', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startTestEmulator({ trustJwt: true });
    });
    afterAll(() => emu.dispose());

    it('reads v2 X-Jwt-Assertion-<TENANT> claims: user without @carbon.super, roles, tenant from the header', async () => {
      const client = clientWith(emu, 'v2', {
        kind: 'jwt',
        tenant: 'SD2E',
        jwt: jwt({ [ENDUSER]: 'jdoe@carbon.super', [ROLE]: 'Internal/everyone,Internal/abaco-admin' }),
      });
      const actor = await client.add({ image: 'img/jwt' });
      expect(actor.owner).toBe('jdoe');
      expect(await client.addWorker(actor.id, { num: 1 })).toBeNull(); // admin: scheduled, result null
      expect(await client.listWorkers(actor.id)).toHaveLength(1);
      const nonce = await client.addNonce(actor.id);
      expect(nonce.id).toMatch(/^SD2E_/);
    });

    it('reads v3 X-Tapis-Token claims; a plain user may not add workers nor set privileged fields', async () => {
      const client = clientWith(emu, 'v3', {
        kind: 'tapis',
        token: jwt({ 'tapis/username': 'tuser', 'tapis/tenant_id': 'tacc' }),
      });
      const actor = await client.add({ image: 'img/tapis' });
      expect(actor.owner).toBe('tuser');
      await expect(client.addWorker(actor.id, { num: 1 })).rejects.toMatchObject({
        status: 400,
        serverMessage: /only admins/,
      });
      await expect(client.add({ image: 'x', maxWorkers: 3 })).rejects.toMatchObject({
        status: 400,
        serverMessage: /maxWorkers may only/,
      });
    });

    it('lets a privileged role set privileged fields', async () => {
      const client = clientWith(emu, 'v2', {
        kind: 'jwt',
        tenant: 'DEV',
        jwt: jwt({ [ENDUSER]: 'p', [ROLE]: 'Internal/abaco-privileged' }),
      });
      // `privileged: true` itself also needs --allow-privileged (the emulator's own guard), so it is left out here
      expect(await client.add({ image: 'x', maxWorkers: 3, memLimit: '1g', maxCpus: 2 })).toMatchObject({
        maxWorkers: 3,
        memLimit: '1g',
      });
    });

    it('answers a JWT it cannot read as no credentials: 400 "No JWT or nonce provided.", saying why', async () => {
      const res = await raw(emu, 'GET', '/actors/v2', { headers: { 'x-tapis-token': 'not-a-jwt' } });
      expect(res.status).toBe(400);
      expect(res.json?.message).toMatch(/^No JWT or nonce provided\. .*not a JWT/);
    });
  });

  describe('without --trust-jwt', () => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await startTestEmulator();
    });
    afterAll(() => emu.dispose());

    it('answers 401 to JWTs, saying how to trust them', async () => {
      const res = await raw(emu, 'GET', '/actors/v2', {
        headers: { 'x-jwt-assertion-dev': jwt({ [ENDUSER]: 'x' }) },
      });
      expect(res.status).toBe(401);
      expect(res.json?.message).toMatch(/--trust-jwt/);
    });

    it('answers 401 to an unknown bearer token', async () => {
      const res = await raw(emu, 'GET', '/actors/v2', { token: 'who-knows' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    });

    it('execution tokens act as the actor owner until revoked', async () => {
      const alice = clientWith(emu, 'v2', { kind: 'bearer', token: USERS.alice.token });
      const actor = await alice.add({ image: 'img/exec-token', stateless: false });
      const { executionId } = await alice.sendMessage(actor.id, 'go');
      const minted = emu.store.mintExecutionToken(executionId, 'alice');
      const container = clientWith(emu, 'v2', { kind: 'bearer', token: minted });
      await container.updateState(actor.id, { from: 'container' });
      expect((await alice.getState(actor.id)).state).toEqual({ from: 'container' });
      emu.store.finish(executionId, {
        status: 'COMPLETE',
        statusMessage: '',
        exitCode: 0,
        finalState: { Status: 'exited' },
        startTime: new Date().toISOString(),
        finishTime: new Date().toISOString(),
        runtime: 5,
        cpu: 1,
        io: 0,
      });
      await expect(container.getState(actor.id)).rejects.toMatchObject({ status: 401 });
      expect(await alice.getExecution(actor.id, executionId)).toMatchObject({
        status: 'COMPLETE',
        exitCode: 0,
        runtime: 5,
      });
      expect((await alice.getMessages(actor.id)).messages).toBe(0);
    });
  });

  describe('with --no-auth', () => {
    it('acts as the local user when no credentials are sent, and still honours tokens', async () => {
      await using emu = await startTestEmulator({ noAuth: true });
      const res = await raw(emu, 'POST', '/actors/v2', { json: { image: 'img/open' } });
      expect(res.json?.result).toMatchObject({ owner: USERS.admin.name });
      const asAlice = await raw(emu, 'POST', '/actors/v2', {
        token: USERS.alice.token,
        json: { image: 'img/a' },
      });
      expect(asAlice.json?.result).toMatchObject({ owner: USERS.alice.name });
    });
  });
});

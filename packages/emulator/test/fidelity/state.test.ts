import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCase } from '@actorkit/api';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';

// fidelity.md §2.4 (state results), §9.2 (stateless: 404), §9.3 (falsy state, privileged keys), §2.1 (the actor).
const token = USERS.admin.token;
const INVALID = 'Invalid actor state description: state must be JSON serializable.';

describe.each(['camel', 'snake'] as const)(
  'actor state as the service answers it (%s case)',
  (keyCase: KeyCase) => {
    let emu: RunningEmulator;
    let actorId: string;
    beforeAll(async () => {
      emu = await startTestEmulator({ keyCase });
      actorId = (await emu.client.add({ image: 'img/state', stateless: false, name: 'stateful' })).id;
      await emu.client.updatePermissions(actorId, { user: USERS.alice.name, level: 'UPDATE' });
      await emu.client.updatePermissions(actorId, { user: USERS.priv.name, level: 'UPDATE' });
    });
    afterAll(() => emu.dispose());

    it('answers GET with exactly {state}, "Actor state retrieved successfully."', async () => {
      const fresh = await raw(emu, 'GET', `/actors/v2/${actorId}/state`, { token });
      expect(fresh.json?.message).toBe('Actor state retrieved successfully.');
      expect(fresh.json?.result).toEqual({ state: {} });
    });

    it('answers POST with the whole actor, the new state in it, "State updated successfully."', async () => {
      const state = { count: 3, some_key: { innerKey: true } };
      const res = await raw(emu, 'POST', `/v3/actors/${actorId}/state`, { token, json: state });
      expect(res.status).toBe(200);
      expect(res.json?.message).toBe('State updated successfully.');
      const actor = res.json?.result as Record<string, unknown>;
      expect(actor).toMatchObject({
        id: actorId,
        name: 'stateful',
        image: 'img/state',
        stateless: false,
        state,
      });
      expect(actor).not.toHaveProperty('tenant');
      expect(actor).toHaveProperty(keyCase === 'camel' ? 'defaultEnvironment' : 'default_environment');
      expect(actor).toHaveProperty(keyCase === 'camel' ? 'lastUpdateTime' : 'last_update_time');
      expect(actor['_links']).toEqual({
        self: `${emu.url}/actors/v2/${actorId}`,
        owner: `${emu.url}/profiles/v2/${USERS.admin.name}`,
        executions: `${emu.url}/actors/v2/${actorId}/executions`,
      });
      expect((await raw(emu, 'GET', `/actors/v2/${actorId}/state`, { token })).json?.result).toEqual({
        state,
      });
    });

    it.each([
      ['an empty object', {}],
      ['an empty list', []],
      ['zero', 0],
      ['false', false],
      ['an empty string', ''],
      ['null', null],
    ])("refuses %s as state with the service's 400", async (_what, value) => {
      await raw(emu, 'POST', `/actors/v2/${actorId}/state`, { token, json: { kept: true } });
      const res = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, { token, json: value });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith(INVALID)).toBe(true);
      expect((await emu.client.getState(actorId)).state).toEqual({ kept: true });
    });

    it("refuses a POST without a body with the service's 400", async () => {
      const res = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, { token });
      expect(res.status).toBe(400);
      expect(res.json?.message.startsWith(INVALID)).toBe(true);
    });

    it('answers 404 "actor is stateless." for a stateless actor', async () => {
      const stateless = await emu.client.add({ image: 'img/stateless' });
      const res = await raw(emu, 'POST', `/actors/v2/${stateless.id}/state`, { token, json: { a: 1 } });
      expect(res.status).toBe(404);
      expect(res.json?.message).toBe('actor is stateless.');
    });

    it("refuses a plain user's state with a truthy privileged key, and takes it from a privileged user", async () => {
      const plain = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, {
        token: USERS.alice.token,
        json: { memLimit: '2g' },
      });
      expect(plain.status).toBe(400);
      expect(plain.json?.message).toBe(
        'Not authorized -- only admins and privileged users can set mem limit.',
      );
      const allowed = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, {
        token: USERS.alice.token,
        json: { memLimit: '', n: 1 },
      });
      expect(allowed.status).toBe(200);
      const privileged = await raw(emu, 'POST', `/actors/v2/${actorId}/state`, {
        token: USERS.priv.token,
        json: { memLimit: '2g' },
      });
      expect(privileged.status).toBe(200);
      expect((await emu.client.getState(actorId)).state).toEqual({ memLimit: '2g' });
    });
  },
);

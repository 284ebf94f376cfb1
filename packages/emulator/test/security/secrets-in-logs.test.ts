import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';

// Secrets at rest and in motion: a config's secret value, the bearer token and a nonce never reach the debug output
// (every namespace on) or an error message, whatever the requests do.

const SECRET = 'hunter2-the-real-secret-value';

describe('secrets never appear in logs, debug output or error messages', () => {
  let emu: RunningEmulator;
  const lines: string[] = [];
  const previousLog = createDebug.log;
  beforeAll(async () => {
    createDebug.enable('actorkit:*');
    createDebug.log = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.dispose();
    createDebug.log = previousLog;
    createDebug.disable();
  });

  it('keeps the secret value, the token and the nonce out of every debug line and error text', async () => {
    const token = USERS.admin.token;
    const actor = await emu.client.add({ image: 'img/secretive' });
    const created = await raw(emu, 'POST', '/actors/v2/configs', {
      token,
      json: { name: 'db_password', value: SECRET, isSecret: true, actors: actor.id },
    });
    expect(created.status).toBe(200);
    expect(created.text).not.toContain(SECRET);
    const nonce = (await emu.client.addNonce(actor.id, { level: 'READ' })).id;
    const answers = [
      await raw(emu, 'GET', `/actors/v2/configs/db_password`, { token }),
      await raw(emu, 'PUT', `/actors/v2/configs/db_password`, {
        token,
        json: { value: SECRET, isSecret: 'maybe', actors: actor.id },
      }),
      await raw(emu, 'POST', '/actors/v2/configs', {
        token,
        json: { name: 'db password', value: SECRET, isSecret: true, actors: 'nope' },
      }),
      await raw(emu, 'GET', `/actors/v2/${actor.id}?x-nonce=${nonce}`),
      await raw(emu, 'GET', `/actors/v2/${actor.id}/nonces/${nonce}?x-nonce=${nonce}`),
      await raw(emu, 'GET', '/actors/v2', { headers: { authorization: `Bearer ${token}x` } }),
    ];
    for (const res of answers) expect(res.text).not.toContain(SECRET);
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(token);
    const leaks = lines.filter((l) => l.includes(nonce));
    expect(leaks, leaks.join('\n')).toEqual([]);
  });
});

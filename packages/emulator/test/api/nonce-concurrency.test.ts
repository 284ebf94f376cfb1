import { describe, expect, it } from 'vitest';
import { raw, startTestEmulator } from './fixture.js';

describe('nonce use counting', () => {
  it('lets exactly one of two concurrent last uses succeed', async () => {
    await using emu = await startTestEmulator();
    const actor = await emu.client.add({ image: 'img/race' });
    for (let round = 0; round < 10; round++) {
      const nonce = await emu.client.addNonce(actor.id, { level: 'EXECUTE', maxUses: 1 });
      const send = () =>
        raw(emu, 'POST', `/actors/v2/${actor.id}/messages?x-nonce=${nonce.id}`, {
          json: { message: 'race' },
        });
      const statuses = (await Promise.all([send(), send()])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 400]);
    }
  });

  it('never lets more requests through than maxUses, however many arrive at once', async () => {
    await using emu = await startTestEmulator();
    const actor = await emu.client.add({ image: 'img/race' });
    const nonce = await emu.client.addNonce(actor.id, { level: 'READ', maxUses: 5 });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => raw(emu, 'GET', `/actors/v2/${actor.id}?x-nonce=${nonce.id}`)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(
      results.filter(
        (r) => r.status === 400 && /^No remaining uses left for this nonce\./.test(r.json?.message ?? ''),
      ),
    ).toHaveLength(25);
    expect(await emu.client.getNonce(actor.id, nonce.id)).toMatchObject({ currentUses: 5, remainingUses: 0 });
  });
});

import { Store } from '@actorkit/emulator';
import type { ChildEmulator } from '../../bench/lib/emulator-process.js';
import { RawApi } from '../../bench/lib/raw-api.js';

export const ALICE = { name: 'alice', token: 'alice-token-fuzz-0123456789' };

/** The real objects the fuzz aims at (beside made-up and hostile ids), and the credentials it uses. */
export interface FuzzTargets {
  actors: string[];
  /** Actor ids the fuzz must not delete with a valid token (so the rest of the run still has targets). */
  executions: string[];
  workers: string[];
  nonces: { live: string; exhausted: string; otherActor: string };
  aliases: string[];
  tokens: { admin: string; alice: string; expired: string };
}

/**
 * Sets the stage on a running emulator (no executor): actors (stateless and stateful), an alias, queued messages, a
 * recorded execution, a worker record, a live nonce, a nonce used up, and an execution token that worked once and
 * has been revoked (minted and revoked through the store, as a finished execution's is).
 */
export async function prepareTargets(emu: ChildEmulator, dataDir: string): Promise<FuzzTargets> {
  const api = new RawApi(emu.url, emu.token);
  const a = await api.addActor({
    image: 'actorkit-bench/fuzz',
    name: 'fuzz-a',
    defaultEnvironment: { K: 'v' },
  });
  const b = await api.addActor({ image: 'actorkit-bench/fuzz', name: 'fuzz-b', stateless: false });
  await api.call('POST', `/${b.id}/state`, { n: 1 });
  await api.call('POST', `/${a.id}/permissions`, { user: ALICE.name, level: 'READ' });
  await api.call('POST', '/aliases', { alias: 'fuzz.alias', actorId: a.id });
  const executions = [await api.send(a.id, 'queued one'), await api.send(b.id, 'queued two')];
  executions.push(
    (await api.call<{ id: string }>('POST', `/${a.id}/executions`, { runtime: 5, cpu: 1, io: 0 })).id,
  );
  const workers = (await api.call<{ id: string }[]>('POST', `/${a.id}/workers`, { num: 1 })).map((w) => w.id);
  const live = (await api.call<{ id: string }>('POST', `/${a.id}/nonces`, { level: 'EXECUTE', maxUses: -1 }))
    .id;
  const exhausted = (await api.call<{ id: string }>('POST', `/${a.id}/nonces`, { level: 'READ', maxUses: 1 }))
    .id;
  await fetch(`${emu.url}/actors/v2/${a.id}?x-nonce=${exhausted}`);
  const otherActor = (
    await api.call<{ id: string }>('POST', `/${b.id}/nonces`, { level: 'READ', maxUses: 5 })
  ).id;
  const store = new Store({ dataDir });
  const expired = store.mintExecutionToken(executions[0] ?? 'x', 'bench');
  store.close();
  const worked = await fetch(`${emu.url}/actors/v2/${a.id}`, {
    headers: { authorization: `Bearer ${expired}` },
  });
  const side = new Store({ dataDir });
  side.revokeExecutionToken(executions[0] ?? 'x');
  side.close();
  if (worked.status !== 200)
    throw new Error(`the execution token did not work before its revocation: ${worked.status}`);
  return {
    actors: [a.id, b.id],
    executions,
    workers,
    nonces: { live, exhausted, otherActor },
    aliases: ['fuzz.alias'],
    tokens: { admin: emu.token, alice: ALICE.token, expired },
  };
}

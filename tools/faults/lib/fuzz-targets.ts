import { Store } from '@actorkit/emulator';
import type { ChildEmulator } from '../../bench/lib/emulator-process.js';
import { RawApi } from '../../bench/lib/raw-api.js';
import { foreignJwtIdentities, type ForeignIdentity } from './fuzz-foreign.js';

export const ALICE = { name: 'alice', token: 'alice-token-fuzz-0123456789' };

/** The other tenant whose identities try the target tenant's (DEV-DEVELOP's) objects. */
export const OTHER_TENANT = 'DEV-STAGING';

/** The real objects the fuzz aims at (beside made-up and hostile ids), and the credentials it uses. */
export interface FuzzTargets {
  actors: string[];
  /** Actor ids the fuzz must not delete with a valid token (so the rest of the run still has targets). */
  executions: string[];
  workers: string[];
  nonces: { live: string; exhausted: string; otherActor: string };
  aliases: string[];
  tokens: { admin: string; alice: string; expired: string };
  /** The emulator's own `host:port` (the Host header it answers to, and its own origin). */
  host: string;
  /** Identities of another tenant: its JWTs (the same user name, its admin) and a nonce of one of its actors. */
  foreign: ForeignIdentity[];
  /** The target tenant's ids a foreign identity must never be shown. */
  secrets: string[];
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
  await api.call('POST', `/${a.id}/workers`, { num: 1 }); // answers null, as the service does
  const workers = (await api.call<{ id: string }[]>('GET', `/${a.id}/workers`)).map((w) => w.id);
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
  const owner = (await api.call<{ owner: string }>('GET', `/${a.id}`)).owner;
  const foreign = foreignJwtIdentities(OTHER_TENANT, owner);
  const theirAdmin = foreign[1]?.headers ?? {};
  const theirs = await fetch(`${emu.url}/actors/v2`, {
    method: 'POST',
    headers: { ...theirAdmin, 'content-type': 'application/json' },
    body: JSON.stringify({ image: 'actorkit-bench/fuzz', name: 'theirs' }),
  });
  const theirActor = ((await theirs.json()) as { result?: { id?: string } }).result?.id;
  const theirNonce = await fetch(`${emu.url}/actors/v2/${theirActor}/nonces`, {
    method: 'POST',
    headers: { ...theirAdmin, 'content-type': 'application/json' },
    body: JSON.stringify({ level: 'UPDATE', maxUses: -1 }),
  });
  const nonceId = ((await theirNonce.json()) as { result?: { id?: string } }).result?.id;
  if (!theirs.ok || !theirNonce.ok || !theirActor || !nonceId)
    throw new Error(
      `the other tenant's actor and nonce could not be made: ${theirs.status}, ${theirNonce.status}`,
    );
  foreign.push({ label: `a nonce of ${OTHER_TENANT}`, headers: {}, query: `x-nonce=${nonceId}` });
  return {
    host: new URL(emu.url).host,
    foreign,
    secrets: [a.id, b.id, ...executions, ...workers, live, exhausted, otherActor],
    actors: [a.id, b.id],
    executions,
    workers,
    nonces: { live, exhausted, otherActor },
    aliases: ['fuzz.alias'],
    tokens: { admin: emu.token, alice: ALICE.token, expired },
  };
}

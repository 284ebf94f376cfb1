import { ABACO_WORLD, levelAtLeast, levelRank, type PermissionLevel } from '@actorkit/api';
import { isoNow } from '../domain/clock.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord, AliasRecord, PermissionKind } from '../store/records.js';
import type { Store } from '../store/store.js';
import { isAdmin, type Identity } from './identity.js';

/** The actor a request is about, and the alias it was addressed through (if any). */
export interface ActorTarget {
  actor: ActorRecord;
  alias: AliasRecord | null;
}

function maxLevel(a: PermissionLevel, b: PermissionLevel): PermissionLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** The level a user holds on an actor or alias, directly or through ABACO_WORLD. */
export function heldLevel(store: Store, kind: PermissionKind, target: string, user: string): PermissionLevel {
  return maxLevel(
    store.permissions.get(kind, target, user),
    store.permissions.get(kind, target, ABACO_WORLD),
  );
}

/** The level a (non-nonce) identity holds on an actor; through an alias, the alias's permissions count too. */
export function levelOnActor(store: Store, identity: Identity, target: ActorTarget): PermissionLevel {
  if (isAdmin(identity)) return 'UPDATE';
  const onActor = heldLevel(store, 'actor', target.actor.id, identity.user);
  return target.alias
    ? maxLevel(onActor, heldLevel(store, 'alias', target.alias.alias, identity.user))
    : onActor;
}

/** Checks a nonce against the target and level, then counts one use atomically. */
function redeem(
  store: Store,
  identity: Identity,
  belongs: boolean,
  what: string,
  needed: PermissionLevel,
): void {
  const nonce = identity.nonce;
  if (!nonce) throw new Error('redeem called without a nonce');
  if (!belongs) {
    const owner = nonce.actorId ? `actor ${nonce.actorId}` : `alias ${nonce.alias}`;
    throw HttpError.forbidden(
      `nonce ${nonce.id} belongs to ${owner}, not to ${what}; use a nonce of ${what}`,
    );
  }
  if (!levelAtLeast(nonce.level, needed)) {
    throw HttpError.forbidden(
      `nonce ${nonce.id} grants ${nonce.level}, and this needs ${needed}; ask for a nonce with level ${needed}`,
    );
  }
  if (!store.nonces.redeem(nonce.id, isoNow(store.clock))) {
    throw HttpError.forbidden(
      `nonce ${nonce.id} has no uses left (maxUses ${nonce.maxUses}); ask the owner for a new one`,
    );
  }
}

/** Denies unless the identity holds `needed` on the actor (admins always do; a nonce must be the actor's own). */
export function requireActorLevel(
  store: Store,
  identity: Identity,
  target: ActorTarget,
  needed: PermissionLevel,
): void {
  const { actor, alias } = target;
  if (identity.via === 'nonce') {
    const n = identity.nonce;
    const belongs = n?.actorId === actor.id || (alias !== null && n?.alias === alias.alias);
    redeem(store, identity, belongs, `actor ${alias ? alias.alias : actor.id}`, needed);
    return;
  }
  const held = levelOnActor(store, identity, target);
  if (!levelAtLeast(held, needed)) {
    throw HttpError.forbidden(
      `${identity.user} has ${held} on actor ${actor.id} and this needs ${needed}; ask its owner (${actor.owner}) to grant it with POST /actors/${actor.id}/permissions {"user": "${identity.user}", "level": "${needed}"}`,
    );
  }
}

/** Denies unless the identity holds `needed` on the alias itself (alias routes). */
export function requireAliasLevel(
  store: Store,
  identity: Identity,
  alias: AliasRecord,
  needed: PermissionLevel,
): void {
  if (identity.via === 'nonce') {
    redeem(store, identity, identity.nonce?.alias === alias.alias, `alias ${alias.alias}`, needed);
    return;
  }
  if (isAdmin(identity)) return;
  const held = heldLevel(store, 'alias', alias.alias, identity.user);
  if (!levelAtLeast(held, needed)) {
    throw HttpError.forbidden(
      `${identity.user} has ${held} on alias ${alias.alias} and this needs ${needed}; ask its owner (${alias.owner}) to grant it`,
    );
  }
}

/** Routes that are not about one actor (list, register, alias list) cannot be reached with a nonce. */
export function rejectNonce(identity: Identity, what: string): void {
  if (identity.via === 'nonce') {
    throw HttpError.forbidden(
      `a nonce only grants access to its own actor or alias, not to ${what}; send a bearer token`,
    );
  }
}

/**
 * Whether `GET /actors` lists this actor for the identity (fidelity §4): the actor is in the identity's tenant and
 * the identity holds at least READ through an explicit entry of its own (the admin role does not widen the list).
 */
export function listableActor(store: Store, identity: Identity, actor: ActorRecord): boolean {
  return actor.tenant === identity.tenant && heldLevel(store, 'actor', actor.id, identity.user) !== 'NONE';
}

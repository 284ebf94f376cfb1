import { ABACO_WORLD, levelAtLeast, levelRank, type PermissionLevel } from '@actorkit/api';
import { isoNow } from '../domain/clock.js';
import { HttpError } from '../http/http-error.js';
import { aliasTarget } from '../store/aliases-store.js';
import type { ActorRecord, AliasRecord, PermissionKind } from '../store/records.js';
import type { Store } from '../store/store.js';
import { isAdmin, type Identity } from './identity.js';
import {
  ACTOR_ACCESS_TEXT,
  ALIAS_ACCESS_TEXT,
  ALIAS_AND_ACTOR_ACCESS_TEXT,
  ALIAS_MOVE_ACCESS_TEXT,
  aliasCreateAccessText,
  NONCE_DOES_NOT_EXIST_TEXT,
  NONCE_LEVEL_TEXT,
  NONCE_NO_USES_TEXT,
} from './service-texts.js';

/** The actor a request is about, and the alias it was addressed through (if any). */
export interface ActorTarget {
  actor: ActorRecord;
  alias: AliasRecord | null;
}

function maxLevel(a: PermissionLevel, b: PermissionLevel): PermissionLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/**
 * The level a user holds on a target, directly or through ABACO_WORLD. ABACO_WORLD grants exactly its stated level
 * (the service lets any ABACO_WORLD entry pass every check: a hole the emulator does not copy).
 */
export function heldLevel(store: Store, kind: PermissionKind, target: string, user: string): PermissionLevel {
  return maxLevel(
    store.permissions.get(kind, target, user),
    store.permissions.get(kind, target, ABACO_WORLD),
  );
}

/** The level a user holds on an alias itself (its own permissions, which confer nothing on the actor). */
export function heldOnAlias(store: Store, alias: AliasRecord, user: string): PermissionLevel {
  return heldLevel(store, 'alias', aliasTarget(alias), user);
}

/**
 * The level an identity holds on an actor: none on another tenant's, admins UPDATE, everyone else their entry (or
 * ABACO_WORLD's). Through an alias only the actor's permissions count (fidelity §5.2).
 */
export function levelOnActor(store: Store, identity: Identity, target: ActorTarget): PermissionLevel {
  if (target.actor.tenant !== identity.tenant) return 'NONE';
  if (isAdmin(identity)) return 'UPDATE';
  return heldLevel(store, 'actor', target.actor.id, identity.user);
}

/**
 * Redeems the request's nonce for a target (fidelity §5.4): it must be the target's own (the path's kind decides:
 * an actor id means the actor's nonces, an alias the alias's), of a sufficient level, with a use left; then one use
 * is counted atomically and the request acts with the nonce's stored roles. Once per request.
 */
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
    const owner = nonce.actorId ? `actor ${nonce.actorId}` : `alias ${nonce.alias ?? ''}`;
    throw HttpError.forbidden(
      `${NONCE_DOES_NOT_EXIST_TEXT} Nonce ${nonce.id} belongs to ${owner}, not to ${what}: an actor's nonce works through its id only, an alias's through the alias only`,
    );
  }
  if (!levelAtLeast(nonce.level, needed)) {
    throw HttpError.forbidden(
      `${NONCE_LEVEL_TEXT} Nonce ${nonce.id} grants ${nonce.level}, and this needs ${needed}; ask for a nonce with level ${needed}`,
    );
  }
  if (identity.redeemed) return;
  if (!store.nonces.redeem(nonce.id, isoNow(store.clock))) {
    throw HttpError.forbidden(
      `${NONCE_NO_USES_TEXT} Nonce ${nonce.id} had ${nonce.maxUses} uses; ask the owner for a new one`,
    );
  }
  identity.redeemed = true;
}

/**
 * Denies unless the identity holds `needed` on the actor (`auth.py authorization`, the actor branch): admins pass;
 * a nonce is redeemed first and the request then runs as its creator with the stored roles.
 */
export function requireActorLevel(
  store: Store,
  identity: Identity,
  target: ActorTarget,
  needed: PermissionLevel,
): void {
  const { actor, alias } = target;
  if (identity.via === 'nonce') {
    const n = identity.nonce;
    const belongs = alias ? n?.alias === alias.alias && n.tenant === alias.tenant : n?.actorId === actor.id;
    redeem(store, identity, belongs, alias ? `alias ${alias.alias}` : `actor ${actor.id}`, needed);
  }
  const held = levelOnActor(store, identity, target);
  if (!levelAtLeast(held, needed)) {
    const through = alias ? ` (permissions on alias ${alias.alias} confer nothing on the actor)` : '';
    throw HttpError.forbidden(
      `${ACTOR_ACCESS_TEXT} ${identity.user} has ${held} on actor ${actor.id} and this needs ${needed}${through}; ask its owner (${actor.owner}) to grant it with POST .../${actor.id}/permissions {"user": "${identity.user}", "level": "${needed}"}`,
    );
  }
}

/** Denies unless the identity holds `needed` on the alias itself (the alias routes and its permissions). */
export function requireAliasLevel(
  store: Store,
  identity: Identity,
  alias: AliasRecord,
  needed: PermissionLevel,
): void {
  if (identity.via === 'nonce') {
    const n = identity.nonce;
    redeem(
      store,
      identity,
      n?.alias === alias.alias && n.tenant === alias.tenant,
      `alias ${alias.alias}`,
      needed,
    );
  }
  if (isAdmin(identity)) return;
  const held = heldOnAlias(store, alias, identity.user);
  if (!levelAtLeast(held, needed)) {
    throw HttpError.forbidden(
      `${ALIAS_ACCESS_TEXT} ${identity.user} has ${held} on alias ${alias.alias} and this needs ${needed}; ask its owner (${alias.owner}) to grant it with POST .../aliases/${alias.alias}/permissions`,
    );
  }
}

/** The alias nonce routes: `needed` on the alias AND on the actor it points at (admins pass). */
export function requireAliasAndActorLevel(
  store: Store,
  identity: Identity,
  alias: AliasRecord,
  actor: ActorRecord,
  needed: PermissionLevel,
): void {
  if (isAdmin(identity)) return;
  const onAlias = heldOnAlias(store, alias, identity.user);
  const onActor = heldLevel(store, 'actor', actor.id, identity.user);
  if (!levelAtLeast(onAlias, needed) || !levelAtLeast(onActor, needed)) {
    throw HttpError.forbidden(
      `${ALIAS_AND_ACTOR_ACCESS_TEXT} ${identity.user} has ${onAlias} on alias ${alias.alias} and ${onActor} on actor ${actor.id}, and this needs ${needed} on both`,
    );
  }
}

/**
 * Creating an alias needs UPDATE on the actor through an explicit entry (`check_permissions` without roles): the
 * admin role does not stand in for it.
 */
export function requireAliasCreation(store: Store, identity: Identity, actor: ActorRecord): void {
  const held = heldLevel(store, 'actor', actor.id, identity.user);
  if (!levelAtLeast(held, 'UPDATE')) {
    throw HttpError.forbidden(
      `${aliasCreateAccessText(actor.id)} ${identity.user} has ${held} on actor ${actor.id}; creating an alias needs an UPDATE grant on the actor, for admins too`,
    );
  }
}

/** Pointing an alias at another actor also needs UPDATE on that actor (admins pass). */
export function requireAliasMoveTarget(store: Store, identity: Identity, actor: ActorRecord): void {
  const held = levelOnActor(store, identity, { actor, alias: null });
  if (!levelAtLeast(held, 'UPDATE')) {
    throw HttpError.forbidden(
      `${ALIAS_MOVE_ACCESS_TEXT} ${identity.user} has ${held} on actor ${actor.id}; ask its owner (${actor.owner}) for UPDATE`,
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
 * the identity holds at least READ through an explicit entry of its own or ABACO_WORLD's (the admin role does not
 * widen the list).
 */
export function listableActor(store: Store, identity: Identity, actor: ActorRecord): boolean {
  return (
    actor.tenant === identity.tenant &&
    levelAtLeast(heldLevel(store, 'actor', actor.id, identity.user), 'READ')
  );
}

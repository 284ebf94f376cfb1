import { configActorEntries, levelAtLeast, type PermissionLevel } from '@actorkit/api';
import type { Request } from 'express';
import { heldLevel } from '../auth/authorize.js';
import { isAdmin, type Identity } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { findActorInTenant } from '../routes/path-params.js';
import type { ConfigRecord } from '../store/records.js';
import { configTarget, type Store } from '../store/store.js';

/** The service's text when a config check fails (`PermissionsException`, 400). */
export const CONFIG_ACCESS_TEXT = 'You do not have sufficient access to this actor config.';

/** The `{name}` of a config route, as sent (config names may hold characters actor ids may not). */
export function configName(req: Request): string {
  const raw = req.params['name'];
  return typeof raw === 'string' ? raw : '';
}

/** The config the path names, in the caller's tenant: 404 "No config found: {name}." when there is none. */
export function configParam(ctx: EmulatorContext, req: Request, identity: Identity): ConfigRecord {
  const name = configName(req);
  const config = ctx.store.configs.get(identity.tenant, name);
  if (!config) {
    throw HttpError.notFound(
      `No config found: ${name}. List the configs you can read with GET ${req.baseUrl}/configs`,
    );
  }
  return config;
}

/** The level a user holds on a config: admins UPDATE, others their entry or ABACO_WORLD's (its level respected). */
export function levelOnConfig(store: Store, identity: Identity, config: ConfigRecord): PermissionLevel {
  if (isAdmin(identity)) return 'UPDATE';
  return heldLevel(store, 'config', configTarget(config), identity.user);
}

/**
 * Denies unless the identity holds `needed` on the config. The service means this check (READ to read, UPDATE
 * otherwise) but crashes with a 500 for every non-admin who passes it; the emulator applies it as meant.
 */
export function requireConfigLevel(
  store: Store,
  identity: Identity,
  config: ConfigRecord,
  needed: PermissionLevel,
): void {
  const held = levelOnConfig(store, identity, config);
  if (levelAtLeast(held, needed)) return;
  throw HttpError.forbidden(
    `${CONFIG_ACCESS_TEXT} ${identity.user} has ${held} on config ${config.name} and this needs ${needed}; ask its owner (${config.owner}) to grant it with POST .../configs/${config.name}/permissions {"user": "${identity.user}", "level": "${needed}"}`,
  );
}

/**
 * Checks a config's `actors` as creation and update do: each stripped entry must be an actor id or an alias in the
 * caller's tenant (404 "No actor or alias found with id: {a}."), and, unlike the service, which checks UPDATE and
 * ignores the answer, the caller must hold UPDATE on each entry's actor (admins bypass), since a config reaches
 * every execution of the actors it names.
 */
export function checkConfigActors(ctx: EmulatorContext, identity: Identity, actors: string): void {
  for (const entry of configActorEntries(actors)) {
    const actor = findActorInTenant(ctx, identity.tenant, entry);
    if (!actor) throw HttpError.notFound(`No actor or alias found with id: ${entry}.`);
    if (isAdmin(identity)) continue;
    const held = heldLevel(ctx.store, 'actor', actor.id, identity.user);
    if (!levelAtLeast(held, 'UPDATE')) {
      throw HttpError.forbidden(
        `Not authorized -- you do not have access to ${entry}. A config is delivered to every execution of the actors it names, so naming one needs UPDATE on it; ${identity.user} has ${held} on actor ${actor.id}. Ask its owner (${actor.owner}) for UPDATE, or leave ${entry} out of actors`,
      );
    }
  }
}

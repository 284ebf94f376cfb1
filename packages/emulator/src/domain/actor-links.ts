import { levelAtLeast } from '@actorkit/api';
import { isAdmin, type Identity } from '../auth/identity.js';
import { levelOnActor } from '../auth/authorize.js';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import { findActorInTenant } from '../routes/path-params.js';
import type { ActorRecord } from '../store/records.js';

/** The service's texts (`controllers.py validate_link`, `check_for_link_cycles`); the first ends with a space. */
export const LINK_NOT_FOUND =
  'Invalid link parameter; unable to retrieve linked actor data. The link must be a valid actor id or alias for which you have EXECUTE permission. ';
export const LINK_DENIED =
  'Invalid link parameter. The link must be a valid actor id or alias for which you have EXECUTE permission. Additional info: ';
export const SELF_LINK = 'Invalid link parameter. An actor cannot link to itself.';
export const LINK_CYCLE = 'Error: this update would result in a cycle of linked actors.';

/** Whether following each actor's single link from any actor comes back to an actor already on the path. */
function hasCycle(next: ReadonlyMap<string, string>): boolean {
  const done = new Set<string>();
  for (const from of next.keys()) {
    const path = new Set<string>();
    let at: string | undefined = from;
    while (at !== undefined && !done.has(at)) {
      if (path.has(at)) return true;
      path.add(at);
      at = next.get(at);
    }
    for (const seen of path) done.add(seen);
  }
  return false;
}

/**
 * Validates `link` on a registration (`updating` null) or an update (fidelity §8.3): it must name an actor, by id
 * or alias, in the caller's tenant, on which the caller holds EXECUTE (admins pass). The service ignores the result
 * of its EXECUTE check, so anyone can link to any actor and trigger its executions; the emulator requires it.
 * On an update, an actor may not link to itself, and the links of the tenant's actors may not form a cycle.
 */
export function checkLink(
  ctx: EmulatorContext,
  identity: Identity,
  link: string,
  updating: ActorRecord | null,
): void {
  const tenant = updating?.tenant ?? identity.tenant;
  const linked = findActorInTenant(ctx, tenant, link);
  if (!linked) throw HttpError.badRequest(`${LINK_NOT_FOUND}(no actor or alias ${link} in tenant ${tenant})`);
  if (!isAdmin(identity)) {
    const held = levelOnActor(ctx.store, identity, { actor: linked, alias: null });
    if (!levelAtLeast(held, 'EXECUTE')) {
      throw HttpError.badRequest(
        `${LINK_DENIED}${identity.user} has ${held} on actor ${linked.id}; ask its owner (${linked.owner}) to grant EXECUTE`,
      );
    }
  }
  if (!updating) return;
  if (linked.id === updating.id) throw HttpError.badRequest(SELF_LINK);
  const next = new Map<string, string>();
  for (const actor of ctx.store.actors.all()) {
    if (actor.tenant !== tenant) continue;
    const target =
      actor.id === updating.id ? linked : actor.link ? findActorInTenant(ctx, tenant, actor.link) : null;
    if (target) next.set(actor.id, target.id);
  }
  if (hasCycle(next)) throw HttpError.badRequest(LINK_CYCLE);
}

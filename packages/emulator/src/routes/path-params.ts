import type { Request } from 'express';
import type { ActorTarget } from '../auth/authorize.js';
import { identityOf, isAdmin, type Identity } from '../auth/identity.js';
import { actorDoesNotExistText, noActorFoundText } from '../auth/service-texts.js';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord, AliasRecord } from '../store/records.js';

const MAX_ID = 128;
const ID_CHARS = /^[A-Za-z0-9._-]+$/;

/**
 * A path segment as sent, for lookups whose miss the service answers with its own text (an unknown execution or
 * worker): any string is looked up (parameters are bound, never spliced), and a miss says what the path said.
 */
export function pathText(req: Request, param: string): string {
  const raw = req.params[param];
  return typeof raw === 'string' ? raw : '';
}

/** A path segment that names an id: too long or with odd characters is a 400 (never a 500, never a lookup). */
export function pathId(req: Request, param: string, what: string): string {
  const raw = req.params[param];
  const value = typeof raw === 'string' ? raw : '';
  if (value.length === 0 || value.length > MAX_ID || !ID_CHARS.test(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}... (${value.length} characters)` : `"${value}"`;
    throw HttpError.badRequest(
      `${shown} is not a valid ${what}: ids are at most ${MAX_ID} letters, digits, dots, dashes or underscores; check the URL`,
    );
  }
  return value;
}

/** The longest actor id or alias a lookup considers: longer names cannot exist (an unknown actor, not a 500). */
const MAX_REF = 256;

/** The raw `{param}` of the path (express has decoded it), or '' when it is absent or too long to name anything. */
function pathRef(req: Request, param: string): string {
  const raw = req.params[param];
  return typeof raw === 'string' && raw.length <= MAX_REF ? raw : '';
}

/** `ref` in `tenant`: an actor id of the tenant, or an alias of the tenant and the actor it points at. */
function resolveActorRef(ctx: EmulatorContext, tenant: string, ref: string): ActorTarget | null {
  if (!ref) return null;
  const actor = ctx.store.actors.get(ref);
  if (actor && actor.tenant === tenant) return { actor, alias: null };
  const alias = ctx.store.aliases.find(tenant, ref);
  if (!alias) return null;
  const target = ctx.store.actors.get(alias.actorId);
  return target && target.tenant === tenant ? { actor: target, alias } : null;
}

/**
 * The one answer to an actor that does not exist in the caller's tenant (another tenant's is the same, fidelity
 * §4, §9.2): a non-admin gets 400 "Actor {TENANT}_{id} does not exist", an admin 404 "No actor found with
 * identifier: {id}.".
 */
export function actorNotFound(identity: Identity, ref: string, req: Request): HttpError {
  const advice = `; list your actors with GET ${req.baseUrl || '/actors'}`;
  return isAdmin(identity)
    ? HttpError.notFound(`${noActorFoundText(ref)}${advice}`)
    : HttpError.badRequest(`${actorDoesNotExistText(identity.tenant, ref)}${advice}`);
}

/** Resolves `{actorId}` in the caller's tenant: an actor id, or an alias that points at one. */
export function actorTarget(ctx: EmulatorContext, req: Request): ActorTarget {
  const identity = identityOf(req);
  const ref = pathRef(req, 'actorId');
  const target = resolveActorRef(ctx, identity.tenant, ref);
  if (!target) throw actorNotFound(identity, ref || String(req.params['actorId'] ?? '').slice(0, 64), req);
  return target;
}

/** Resolves `{alias}` on the alias routes, in the caller's tenant. */
export function aliasParam(ctx: EmulatorContext, req: Request): AliasRecord {
  const identity = identityOf(req);
  const name = pathRef(req, 'alias');
  const alias = name ? ctx.store.aliases.find(identity.tenant, name) : null;
  if (!alias) {
    throw HttpError.notFound(
      `No alias found: ${name || String(req.params['alias'] ?? '').slice(0, 64)}. List the aliases of your tenant with GET ${req.baseUrl}/aliases`,
    );
  }
  return alias;
}

/** The largest `limit` or `offset` (what the store's integers hold with room to add them). */
const MAX_PAGING = 2_147_483_647;

/** `limit` and `offset` query parameters (the seed's paging). */
export function paging(req: Request): { limit: number; offset: number } {
  const read = (name: string, fallback: number, min: number): number => {
    const raw = req.query[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(n) || n < min || n > MAX_PAGING) {
      throw HttpError.badRequest(
        `${name} must be an integer from ${min} to ${MAX_PAGING}, got ${JSON.stringify(raw)}`,
      );
    }
    return n;
  };
  return { limit: read('limit', 250, 1), offset: read('offset', 0, 0) };
}

/** The actor `ref` names in `tenant`, by id or by alias; null when there is none (links, configs, aliases). */
export function findActorInTenant(ctx: EmulatorContext, tenant: string, ref: string): ActorRecord | null {
  return resolveActorRef(ctx, tenant, ref)?.actor ?? null;
}

import type { Request } from 'express';
import type { ActorTarget } from '../auth/authorize.js';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord, AliasRecord } from '../store/records.js';

const MAX_ID = 128;
const ID_CHARS = /^[A-Za-z0-9._-]+$/;

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

/** Resolves `{id}`: an actor id, or an alias that points at one. */
export function actorTarget(ctx: EmulatorContext, req: Request): ActorTarget {
  const id = pathId(req, 'actorId', 'actor id or alias');
  const actor = ctx.store.actors.get(id);
  if (actor) return { actor, alias: null };
  const alias = ctx.store.aliases.get(id);
  if (!alias)
    throw HttpError.notFound(`no actor with id or alias ${id}; list actors with GET ${req.baseUrl}`);
  const target = ctx.store.actors.get(alias.actorId);
  if (!target) {
    throw HttpError.notFound(
      `alias ${id} points at actor ${alias.actorId}, which no longer exists; point it elsewhere with PUT ${req.baseUrl}/aliases/${id}`,
    );
  }
  return { actor: target, alias };
}

/** Resolves `{alias}` on the alias routes. */
export function aliasParam(ctx: EmulatorContext, req: Request): AliasRecord {
  const name = pathId(req, 'alias', 'alias');
  const alias = ctx.store.aliases.get(name);
  if (!alias) throw HttpError.notFound(`no alias ${name}; list aliases with GET ${req.baseUrl}/aliases`);
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
  const actor = ctx.store.actors.get(ref);
  if (actor && actor.tenant === tenant) return actor;
  const alias = ctx.store.aliases.get(ref);
  if (!alias || alias.tenant !== tenant) return null;
  return ctx.store.actors.get(alias.actorId);
}

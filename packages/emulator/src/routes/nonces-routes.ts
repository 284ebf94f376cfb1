import { AddAliasNonceRequestSchema, AddNonceRequestSchema, NonceDisplaySchema } from '@actorkit/api';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
  rejectNonce,
  requireActorLevel,
  requireAliasAndActorLevel,
  type ActorTarget,
} from '../auth/authorize.js';
import { identityOf, type Identity } from '../auth/identity.js';
import { parseServiceBody } from '../auth/service-body.js';
import { NONCE_NOT_FOUND_TEXT } from '../auth/service-texts.js';
import type { EmulatorContext } from '../context.js';
import { newNonceId } from '../domain/ids.js';
import { reply, replyNull } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import type { AliasRecord, NonceRecord } from '../store/records.js';
import { nonceView } from '../views/nonce-view.js';
import { defineRoute } from './define-route.js';
import { actorNotFound, actorTarget, aliasParam } from './path-params.js';

const NonceListDisplaySchema = z.array(NonceDisplaySchema);

type Owner = { actorId: string; alias: null } | { actorId: null; alias: string };

/** A new nonce: the creator's user, tenant and real role strings are stored with it (it acts with them). */
function createNonce(ctx: EmulatorContext, identity: Identity, owner: Owner, body: unknown): NonceRecord {
  const schema = owner.alias === null ? AddNonceRequestSchema : AddAliasNonceRequestSchema;
  const input = parseServiceBody(schema, body, 'nonce');
  const nonce: NonceRecord = {
    id: newNonceId(identity.tenant),
    ...owner,
    owner: identity.user,
    roles: identity.roleNames,
    level: input.level,
    maxUses: input.maxUses,
    currentUses: 0,
    description: input.description,
    tenant: identity.tenant,
    createTime: ctx.clock.now().toISOString(),
    lastUseTime: null,
  };
  ctx.store.nonces.insert(nonce);
  return nonce;
}

/** The path's nonce, when it belongs to the path's actor or alias; otherwise the service's "Nonce not found.". */
function findNonce(
  ctx: EmulatorContext,
  req: Request,
  belongs: (n: NonceRecord) => boolean,
  what: string,
): NonceRecord {
  const raw = req.params['nonceId'];
  const id = typeof raw === 'string' && raw.length <= 256 ? raw : '';
  const nonce = id ? ctx.store.nonces.get(id) : null;
  if (!nonce || !belongs(nonce)) {
    throw HttpError.badRequest(
      `${NONCE_NOT_FOUND_TEXT} ${what} has no nonce ${id.slice(0, 64)}; list them with GET .../nonces`,
    );
  }
  return nonce;
}

/** Nonces cannot manage nonces: the nonces API needs the caller's own credentials. */
function caller(req: Request): Identity {
  const identity = identityOf(req);
  rejectNonce(identity, 'the nonces API');
  return identity;
}

/** The alias of the path and the actor it points at, in the caller's tenant. */
function aliasAndActor(ctx: EmulatorContext, req: Request, identity: Identity): [AliasRecord, ActorTarget] {
  const alias = aliasParam(ctx, req);
  const actor = ctx.store.actors.get(alias.actorId);
  if (!actor || actor.tenant !== alias.tenant) throw actorNotFound(identity, alias.actorId, req);
  return [alias, { actor, alias }];
}

/**
 * addNonce, listNonces, getNonce, deleteNonce, for actors (through an id or an alias: the actor's nonces) and for
 * aliases (the alias's own nonces; both the alias and the actor levels are needed, fidelity §5.3).
 */
export function registerNonceRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;
  const isAliasNonce = (alias: AliasRecord) => (n: NonceRecord) =>
    n.alias === alias.alias && n.tenant === alias.tenant;
  const isActorNonce = (target: ActorTarget) => (n: NonceRecord) => n.actorId === target.actor.id;

  defineRoute(router, '/aliases/:alias/nonces', {
    get: (req, res) => {
      const identity = caller(req);
      const [alias, { actor }] = aliasAndActor(ctx, req, identity);
      requireAliasAndActorLevel(store, identity, alias, actor, 'READ');
      const nonces = store.nonces.listForAlias(alias.tenant, alias.alias).map((n) => nonceView(req, n));
      reply(res, ctx, NonceListDisplaySchema, nonces, 'Alias nonces retrieved successfully.', 'models');
    },
    post: (req, res) => {
      const identity = caller(req);
      const [alias, { actor }] = aliasAndActor(ctx, req, identity);
      requireAliasAndActorLevel(store, identity, alias, actor, 'UPDATE');
      const nonce = createNonce(ctx, identity, { actorId: null, alias: alias.alias }, req.body);
      reply(res, ctx, NonceDisplaySchema, nonceView(req, nonce), 'Alias nonce created successfully.');
    },
  });
  defineRoute(router, '/aliases/:alias/nonces/:nonceId', {
    get: (req, res) => {
      const identity = caller(req);
      const [alias, { actor }] = aliasAndActor(ctx, req, identity);
      requireAliasAndActorLevel(store, identity, alias, actor, 'READ');
      const nonce = findNonce(ctx, req, isAliasNonce(alias), `Alias ${alias.alias}`);
      reply(res, ctx, NonceDisplaySchema, nonceView(req, nonce), 'Alias nonce retrieved successfully.');
    },
    delete: (req, res) => {
      const identity = caller(req);
      const [alias, { actor }] = aliasAndActor(ctx, req, identity);
      requireAliasAndActorLevel(store, identity, alias, actor, 'UPDATE');
      const nonce = findNonce(ctx, req, isAliasNonce(alias), `Alias ${alias.alias}`);
      store.nonces.delete(nonce.id);
      replyNull(res, 'Alias nonce deleted successfully.');
    },
  });

  defineRoute(router, '/:actorId/nonces', {
    get: (req, res) => {
      const identity = caller(req);
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identity, target, 'READ');
      const nonces = store.nonces.listForActor(target.actor.id).map((n) => nonceView(req, n));
      reply(res, ctx, NonceListDisplaySchema, nonces, 'Actor nonces retrieved successfully.', 'models');
    },
    post: (req, res) => {
      const identity = caller(req);
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identity, target, 'UPDATE');
      const nonce = createNonce(ctx, identity, { actorId: target.actor.id, alias: null }, req.body);
      reply(res, ctx, NonceDisplaySchema, nonceView(req, nonce), 'Actor nonce created successfully.');
    },
  });
  defineRoute(router, '/:actorId/nonces/:nonceId', {
    get: (req, res) => {
      const identity = caller(req);
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identity, target, 'READ');
      const nonce = findNonce(ctx, req, isActorNonce(target), `Actor ${target.actor.id}`);
      reply(res, ctx, NonceDisplaySchema, nonceView(req, nonce), 'Actor nonce retrieved successfully.');
    },
    delete: (req, res) => {
      const identity = caller(req);
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identity, target, 'UPDATE');
      const nonce = findNonce(ctx, req, isActorNonce(target), `Actor ${target.actor.id}`);
      store.nonces.delete(nonce.id);
      replyNull(res, 'Actor nonce deleted successfully.');
    },
  });
}

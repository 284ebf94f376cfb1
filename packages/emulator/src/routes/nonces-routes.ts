import { AddNonceRequestSchema, levelAtLeast } from '@actorkit/api';
import type { Request, Router } from 'express';
import { rejectNonce, requireActorLevel, requireAliasLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { newNonceId } from '../domain/ids.js';
import { replyUnchecked } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import type { NonceRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { actorTarget, aliasParam, pathId } from './path-params.js';
import { nonceView } from '../views/nonce-view.js';

type Owner = { actorId: string; alias: null } | { actorId: null; alias: string };

function createNonce(ctx: EmulatorContext, req: Request, owner: Owner): NonceRecord {
  const identity = identityOf(req);
  const input = parseBody(AddNonceRequestSchema, req.body, 'nonce');
  if (owner.alias !== null && levelAtLeast(input.level, 'UPDATE')) {
    throw HttpError.badRequest(
      'an alias nonce may only be NONE, READ or EXECUTE; ask for one of those levels',
    );
  }
  const nonce: NonceRecord = {
    id: newNonceId(identity.tenant),
    ...owner,
    owner: identity.user,
    roles: identity.roles,
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

function findNonce(
  ctx: EmulatorContext,
  req: Request,
  belongs: (n: NonceRecord) => boolean,
  what: string,
): NonceRecord {
  const id = pathId(req, 'nonceId', 'nonce id');
  const nonce = ctx.store.nonces.get(id);
  if (!nonce || !belongs(nonce))
    throw HttpError.notFound(`${what} has no nonce ${id}; list them with GET .../nonces`);
  return nonce;
}

/** addNonce, listNonces, getNonce, deleteNonce, for actors and for aliases. Nonces cannot manage nonces. */
export function registerNonceRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;
  const guard = (req: Request) => {
    const identity = identityOf(req);
    rejectNonce(identity, 'the nonces API');
    return identity;
  };

  defineRoute(router, '/aliases/:alias/nonces', {
    get: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, guard(req), alias, 'READ');
      replyUnchecked(
        res,
        ctx,
        store.nonces.listForAlias(alias.alias).map((n) => nonceView(req, n)),
        'Alias nonces retrieved successfully.',
      );
    },
    post: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, guard(req), alias, 'UPDATE');
      replyUnchecked(
        res,
        ctx,
        nonceView(req, createNonce(ctx, req, { actorId: null, alias: alias.alias })),
        'Alias nonce created successfully.',
      );
    },
  });
  defineRoute(router, '/aliases/:alias/nonces/:nonceId', {
    get: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, guard(req), alias, 'READ');
      const nonce = findNonce(ctx, req, (n) => n.alias === alias.alias, `alias ${alias.alias}`);
      replyUnchecked(res, ctx, nonceView(req, nonce), 'Alias nonce retrieved successfully.');
    },
    delete: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, guard(req), alias, 'UPDATE');
      const nonce = findNonce(ctx, req, (n) => n.alias === alias.alias, `alias ${alias.alias}`);
      store.nonces.delete(nonce.id);
      replyUnchecked(res, ctx, null, 'Alias nonce deleted successfully.');
    },
  });

  defineRoute(router, '/:actorId/nonces', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, guard(req), target, 'READ');
      replyUnchecked(
        res,
        ctx,
        store.nonces.listForActor(target.actor.id).map((n) => nonceView(req, n)),
        'Actor nonces retrieved successfully.',
      );
    },
    post: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, guard(req), target, 'UPDATE');
      replyUnchecked(
        res,
        ctx,
        nonceView(req, createNonce(ctx, req, { actorId: target.actor.id, alias: null })),
        'Actor nonce created successfully.',
      );
    },
  });
  defineRoute(router, '/:actorId/nonces/:nonceId', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, guard(req), target, 'READ');
      const nonce = findNonce(ctx, req, (n) => n.actorId === target.actor.id, `actor ${target.actor.id}`);
      replyUnchecked(res, ctx, nonceView(req, nonce), 'Actor nonce retrieved successfully.');
    },
    delete: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, guard(req), target, 'UPDATE');
      const nonce = findNonce(ctx, req, (n) => n.actorId === target.actor.id, `actor ${target.actor.id}`);
      store.nonces.delete(nonce.id);
      replyUnchecked(res, ctx, null, 'Actor nonce deleted successfully.');
    },
  });
}

import { AliasRequestSchema, AliasUpdateRequestSchema } from '@actorkit/api';
import type { Request, Router } from 'express';
import { heldLevel, rejectNonce, requireActorLevel, requireAliasLevel } from '../auth/authorize.js';
import { identityOf, isAdmin } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { replyUnchecked } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import type { ActorRecord, AliasRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { aliasParam } from './path-params.js';
import { aliasView } from '../views/alias-view.js';

function targetActor(ctx: EmulatorContext, req: Request, actorId: string): ActorRecord {
  const actor = ctx.store.actors.get(actorId);
  if (!actor) throw HttpError.notFound(`no actor ${actorId} to point the alias at; check the actorId`);
  requireActorLevel(ctx.store, identityOf(req), { actor, alias: null }, 'UPDATE');
  return actor;
}

/** Aliases: names for actors, with their own permissions. Creating or moving one needs UPDATE on the actor. */
export function registerAliasRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/aliases', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'the list of aliases');
      const visible = store.aliases
        .all()
        .filter((a) => isAdmin(identity) || heldLevel(store, 'alias', a.alias, identity.user) !== 'NONE');
      replyUnchecked(
        res,
        ctx,
        visible.map((a) => aliasView(req, a)),
        'Aliases retrieved successfully.',
      );
    },
    post: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'creating aliases');
      const input = parseBody(AliasRequestSchema, req.body, 'alias');
      const actor = targetActor(ctx, req, input.actorId);
      if (store.aliases.get(input.alias) || store.actors.get(input.alias)) {
        throw HttpError.badRequest(
          `alias ${input.alias} already exists; pick another name or update it with PUT .../aliases/${input.alias}`,
        );
      }
      const alias: AliasRecord = {
        alias: input.alias,
        actorId: actor.id,
        owner: identity.user,
        tenant: identity.tenant,
        createTime: ctx.clock.now().toISOString(),
      };
      store.transaction(() => {
        store.aliases.insert(alias);
        store.permissions.set('alias', alias.alias, identity.user, 'UPDATE');
      });
      replyUnchecked(res, ctx, aliasView(req, alias), 'Actor alias created successfully.');
    },
  });

  defineRoute(router, '/aliases/:alias', {
    get: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'READ');
      replyUnchecked(res, ctx, aliasView(req, alias), 'Alias retrieved successfully.');
    },
    put: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'UPDATE');
      const input = parseBody(AliasUpdateRequestSchema, req.body, 'alias');
      if (input.alias !== undefined && input.alias !== alias.alias) {
        throw HttpError.badRequest(
          `an alias cannot be renamed (${alias.alias} to ${input.alias}); create a new alias instead`,
        );
      }
      const actor = targetActor(ctx, req, input.actorId);
      store.aliases.setTarget(alias.alias, actor.id);
      replyUnchecked(res, ctx, aliasView(req, { ...alias, actorId: actor.id }), 'Alias updated successfully.');
    },
    delete: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'UPDATE');
      store.transaction(() => {
        store.aliases.delete(alias.alias);
        store.permissions.deleteAll('alias', alias.alias);
        store.nonces.deleteForAlias(alias.alias);
      });
      replyUnchecked(res, ctx, null, 'Alias deleted successfully.');
    },
  });
}

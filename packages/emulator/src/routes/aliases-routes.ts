import {
  ALIAS_RENAME_TEXT,
  AliasDisplaySchema,
  aliasExistsText,
  AliasRequestSchema,
  AliasUpdateRequestSchema,
} from '@actorkit/api';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
  rejectNonce,
  requireAliasCreation,
  requireAliasLevel,
  requireAliasMoveTarget,
} from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import { parseServiceBody } from '../auth/service-body.js';
import { noActorWithIdText } from '../auth/service-texts.js';
import type { EmulatorContext } from '../context.js';
import { reply, replyNull } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { camelTopLevel } from '../http/validate.js';
import { aliasTarget } from '../store/aliases-store.js';
import type { ActorRecord, AliasRecord } from '../store/records.js';
import { aliasView } from '../views/alias-view.js';
import { defineRoute } from './define-route.js';
import { aliasParam } from './path-params.js';

const AliasListDisplaySchema = z.array(AliasDisplaySchema);

/** The actor a body names by id, in the caller's tenant (`AliasesResource.post`: 404 when there is none). */
function namedActor(ctx: EmulatorContext, req: Request, actorId: string): ActorRecord {
  const actor = ctx.store.actors.get(actorId);
  if (!actor || actor.tenant !== identityOf(req).tenant) {
    throw HttpError.notFound(`${noActorWithIdText(actorId)} Check the actorId: an actor id of your tenant`);
  }
  return actor;
}

/** A body that names `alias` at all, whatever its value (the service refuses it on PUT). */
function namesAlias(body: unknown): boolean {
  const input = camelTopLevel(body);
  return input !== null && typeof input === 'object' && !Array.isArray(input) && 'alias' in input;
}

/**
 * Aliases (fidelity §5.3): names for actors, unique per tenant, with their own permissions (which confer nothing on
 * the actor). Creating one needs an explicit UPDATE grant on the actor, for admins too; moving one needs UPDATE on
 * the alias and on the new actor.
 */
export function registerAliasRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/aliases', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'the list of aliases');
      // every alias of the tenant, to every user: the service does not filter the list by permission
      const aliases = store.aliases.listForTenant(identity.tenant).map((a) => aliasView(req, a));
      reply(res, ctx, AliasListDisplaySchema, aliases, 'Aliases retrieved successfully.', 'models');
    },
    post: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'creating aliases');
      const input = parseServiceBody(AliasRequestSchema, req.body, 'alias');
      const actor = namedActor(ctx, req, input.actorId);
      requireAliasCreation(store, identity, actor);
      if (store.aliases.find(identity.tenant, input.alias)) {
        throw HttpError.badRequest(
          `${aliasExistsText(input.alias)} Pick another name, or point it elsewhere with PUT .../aliases/${input.alias}`,
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
        store.permissions.set('alias', aliasTarget(alias), identity.user, 'UPDATE');
      });
      reply(res, ctx, AliasDisplaySchema, aliasView(req, alias), 'Actor alias created successfully.');
    },
  });

  defineRoute(router, '/aliases/:alias', {
    get: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'READ');
      reply(res, ctx, AliasDisplaySchema, aliasView(req, alias), 'Alias retrieved successfully.');
    },
    put: (req, res) => {
      const identity = identityOf(req);
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identity, alias, 'UPDATE');
      if (namesAlias(req.body)) {
        throw HttpError.badRequest(
          `${ALIAS_RENAME_TEXT} Send only {"actorId": ...}; to rename, create a new alias and delete this one`,
        );
      }
      const input = parseServiceBody(AliasUpdateRequestSchema, req.body, 'alias');
      const actor = namedActor(ctx, req, input.actorId);
      requireAliasMoveTarget(store, identity, actor);
      store.aliases.setTarget(alias.tenant, alias.alias, actor.id);
      reply(
        res,
        ctx,
        AliasDisplaySchema,
        aliasView(req, { ...alias, actorId: actor.id }),
        'Alias updated successfully.',
      );
    },
    delete: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'UPDATE');
      // the service leaves the alias's nonces behind (they revive with a new alias of the same name); the
      // emulator deletes them with it
      store.transaction(() => {
        store.aliases.delete(alias.tenant, alias.alias);
        store.permissions.deleteAll('alias', aliasTarget(alias));
        store.nonces.deleteForAlias(alias.tenant, alias.alias);
      });
      replyNull(res, 'Alias deleted successfully.');
    },
  });
}

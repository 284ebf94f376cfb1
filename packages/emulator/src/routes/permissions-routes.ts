import { PermissionsUpdateRequestSchema } from '@actorkit/api';
import type { Router } from 'express';
import { requireActorLevel, requireAliasLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { replyUnchecked } from '../http/envelope.js';
import { parseBody } from '../http/validate.js';
import { defineRoute } from './define-route.js';
import { actorTarget, aliasParam } from './path-params.js';

/** getPermissions / updatePermissions, on actors and on aliases. */
export function registerPermissionRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/aliases/:alias/permissions', {
    get: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'READ');
      replyUnchecked(
        res,
        ctx,
        { permissions: store.permissions.list('alias', alias.alias) },
        'Permissions retrieved successfully.',
      );
    },
    post: (req, res) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, 'UPDATE');
      const { user, level } = parseBody(PermissionsUpdateRequestSchema, req.body, 'permission');
      store.permissions.set('alias', alias.alias, user, level);
      replyUnchecked(
        res,
        ctx,
        { permissions: store.permissions.list('alias', alias.alias) },
        'Permission added successfully.',
      );
    },
  });

  defineRoute(router, '/:actorId/permissions', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      replyUnchecked(
        res,
        ctx,
        { permissions: store.permissions.list('actor', target.actor.id) },
        'Permissions retrieved successfully.',
      );
    },
    post: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      const { user, level } = parseBody(PermissionsUpdateRequestSchema, req.body, 'permission');
      store.permissions.set('actor', target.actor.id, user, level);
      replyUnchecked(
        res,
        ctx,
        { permissions: store.permissions.list('actor', target.actor.id) },
        'Permission added successfully.',
      );
    },
  });
}

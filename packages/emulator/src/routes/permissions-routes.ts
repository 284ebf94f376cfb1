import {
  PermissionsDocumentSchema,
  PermissionsUpdateRequestSchema,
  type PermissionsDocument,
} from '@actorkit/api';
import type { Request, Response, Router } from 'express';
import { requireActorLevel, requireAliasLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import { parseServiceBody } from '../auth/service-body.js';
import type { EmulatorContext } from '../context.js';
import { reply } from '../http/envelope.js';
import { aliasTarget } from '../store/aliases-store.js';
import type { PermissionKind } from '../store/records.js';
import type { Store } from '../store/store.js';
import { defineRoute } from './define-route.js';
import { actorTarget, aliasParam } from './path-params.js';

/** Where a permission document lives: actor (its id), alias (`{tenant}_{alias}`), config (`{tenant}_{name}`). */
export interface PermissionDocumentRef {
  kind: PermissionKind;
  target: string;
}

export const PERMISSIONS_RETRIEVED = 'Permissions retrieved successfully.';
export const PERMISSION_ADDED = 'Permission added successfully.';

/** The permission document (fidelity §5.1): the flat map `{user: LEVEL}`, NONE entries included. */
export function readPermissions(store: Store, ref: PermissionDocumentRef): PermissionsDocument {
  return store.permissions.list(ref.kind, ref.target);
}

/**
 * Applies a POST `{user, level}` (form or JSON; a bad level answers the service's text) and returns the whole
 * document. NONE is stored as a level, not a revoke (`models.set_permission`).
 */
export function grantPermission(
  store: Store,
  ref: PermissionDocumentRef,
  body: unknown,
): PermissionsDocument {
  const { user, level } = parseServiceBody(PermissionsUpdateRequestSchema, body, 'permission');
  store.permissions.set(ref.kind, ref.target, user, level);
  return readPermissions(store, ref);
}

/** Answers a permission document: its keys are user names, so they are shown as stored in either key case. */
export function replyPermissions(
  res: Response,
  ctx: EmulatorContext,
  document: PermissionsDocument,
  message: string,
): void {
  reply(res, ctx, PermissionsDocumentSchema, document, message, 'verbatim');
}

/**
 * GET and POST handlers of a permission document, for any object: `resolve` finds the object in the caller's
 * tenant and authorizes the caller at `needed` (READ for GET, UPDATE for POST), or throws.
 */
export function permissionHandlers(
  ctx: EmulatorContext,
  resolve: (req: Request, needed: 'READ' | 'UPDATE') => PermissionDocumentRef,
): { get: (req: Request, res: Response) => void; post: (req: Request, res: Response) => void } {
  return {
    get: (req, res) => {
      replyPermissions(res, ctx, readPermissions(ctx.store, resolve(req, 'READ')), PERMISSIONS_RETRIEVED);
    },
    post: (req, res) => {
      const ref = resolve(req, 'UPDATE');
      replyPermissions(res, ctx, grantPermission(ctx.store, ref, req.body), PERMISSION_ADDED);
    },
  };
}

/** getPermissions / updatePermissions, on actors and on aliases (each its own document). */
export function registerPermissionRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(
    router,
    '/aliases/:alias/permissions',
    permissionHandlers(ctx, (req, needed) => {
      const alias = aliasParam(ctx, req);
      requireAliasLevel(store, identityOf(req), alias, needed);
      return { kind: 'alias', target: aliasTarget(alias) };
    }),
  );

  defineRoute(
    router,
    '/:actorId/permissions',
    permissionHandlers(ctx, (req, needed) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, needed);
      return { kind: 'actor', target: target.actor.id };
    }),
  );
}

import type { Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { replyUnchecked } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { defineRoute } from './define-route.js';
import { actorTarget } from './path-params.js';

/** getState and updateState: any JSON value; a stateless actor has none to update. */
export function registerStateRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;
  defineRoute(router, '/:actorId/state', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      replyUnchecked(
        res,
        ctx,
        { actorId: target.actor.id, state: store.actors.getState(target.actor.id) ?? {} },
        'Actor state retrieved successfully.',
      );
    },
    post: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      if (target.actor.stateless) {
        throw HttpError.badRequest(
          `actor ${target.actor.id} is stateless and keeps no state; register it with "stateless": false to use state`,
        );
      }
      const state: unknown = req.body;
      if (state === undefined) {
        throw HttpError.badRequest(
          'send the new state as a JSON body (Content-Type: application/json), any JSON value',
        );
      }
      store.actors.setState(target.actor.id, state);
      replyUnchecked(res, ctx, { actorId: target.actor.id, state }, 'State updated successfully.');
    },
  });
}

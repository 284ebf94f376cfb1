import { ActorDisplaySchema, ActorStateDisplaySchema } from '@actorkit/api';
import type { Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { checkPrivilegedBody } from '../domain/privileged-fields.js';
import { reply } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { actorView } from '../views/actor-view.js';
import { defineRoute } from './define-route.js';
import { actorTarget } from './path-params.js';

/** Python's truthiness of a JSON value: the service refuses a state that is None, false, 0, "", [] or {}. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** getState and updateState (`ActorStateResource`): any truthy JSON value; a stateless actor has none. */
export function registerStateRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;
  defineRoute(router, '/:actorId/state', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const state = store.actors.getState(target.actor.id) ?? {};
      reply(res, ctx, ActorStateDisplaySchema, { state }, 'Actor state retrieved successfully.', 'plain');
    },
    post: (req, res) => {
      const target = actorTarget(ctx, req);
      const identity = identityOf(req);
      // The service's check_privileged reads the body of every POST on the actor routes, state included.
      checkPrivilegedBody(req.body, identity);
      requireActorLevel(store, identity, target, 'UPDATE');
      if (target.actor.stateless) throw HttpError.notFound('actor is stateless.');
      const state: unknown = req.body;
      if (!truthy(state)) {
        throw HttpError.badRequest(
          'Invalid actor state description: state must be JSON serializable. Send a non-empty JSON value with Content-Type: application/json (the service refuses null, false, 0, "", [] and {})',
        );
      }
      store.actors.setState(target.actor.id, state);
      const actor = store.actors.get(target.actor.id) ?? target.actor;
      reply(res, ctx, ActorDisplaySchema, actorView(req, actor, state), 'State updated successfully.');
    },
  });
}

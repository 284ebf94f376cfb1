import { ActorRequestSchema } from '@actorkit/api';
import type { Router } from 'express';
import { levelOnActor, rejectNonce, requireActorLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { actorFromRequest } from '../domain/actor-request.js';
import { newId } from '../domain/ids.js';
import { replyUnchecked } from '../http/envelope.js';
import { parseBody } from '../http/validate.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget, paging } from './path-params.js';
import { actorView } from '../views/actor-view.js';

/** list, add, get, update, delete. */
export function registerActorRoutes(router: Router, ctx: EmulatorContext): void {
  const { store, pool } = ctx;

  defineRoute(router, '/', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'the list of actors');
      const { limit, offset } = paging(req);
      const readable = store.actors
        .all()
        .filter((actor) => levelOnActor(store, identity, { actor, alias: null }) !== 'NONE');
      const page = readable
        .slice(offset, offset + limit)
        .map((a) => actorView(req, a, store.actors.getState(a.id)));
      replyUnchecked(res, ctx, page, 'Actors retrieved successfully.');
    },
    post: async (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'registering actors');
      const input = parseBody(ActorRequestSchema, req.body, 'actor');
      const actor = actorFromRequest({ id: newId(), input, identity, now: ctx.clock.now(), previous: null });
      store.createActor(actor);
      await notifyPool(`actor ${actor.id} created`, () => pool.actorCreated(actor));
      const current = store.actors.get(actor.id) ?? actor;
      replyUnchecked(res, ctx, actorView(req, current, {}), 'Actor created successfully.');
    },
  });

  defineRoute(router, '/:actorId', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      replyUnchecked(
        res,
        ctx,
        actorView(req, target.actor, store.actors.getState(target.actor.id)),
        'Actor retrieved successfully.',
      );
    },
    put: async (req, res) => {
      const target = actorTarget(ctx, req);
      const identity = identityOf(req);
      requireActorLevel(store, identity, target, 'UPDATE');
      const input = parseBody(ActorRequestSchema, req.body, 'actor');
      const previous = target.actor;
      const actor = actorFromRequest({ id: previous.id, input, identity, now: ctx.clock.now(), previous });
      store.actors.replace(actor);
      const replaceWorkers = actor.revision !== previous.revision;
      await notifyPool(`actor ${actor.id} updated`, () => pool.actorUpdated(actor, { replaceWorkers }));
      const current = store.actors.get(actor.id) ?? actor;
      replyUnchecked(
        res,
        ctx,
        actorView(req, current, store.actors.getState(actor.id)),
        'Actor updated successfully.',
      );
    },
    delete: async (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      store.deleteActor(target.actor.id);
      await notifyPool(`actor ${target.actor.id} deleted`, () => pool.actorDeleted(target.actor.id));
      replyUnchecked(res, ctx, null, 'Actor deleted successfully.');
    },
  });
}

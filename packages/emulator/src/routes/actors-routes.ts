import { ActorDisplaySchema, ActorRequestSchema } from '@actorkit/api';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { listableActor, rejectNonce, requireActorLevel } from '../auth/authorize.js';
import { identityOf, type Identity } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { checkLink } from '../domain/actor-links.js';
import { actorFromRequest } from '../domain/actor-request.js';
import { newId } from '../domain/ids.js';
import { checkPrivilegedBody } from '../domain/privileged-fields.js';
import { reply, replyNull } from '../http/envelope.js';
import { parseBody } from '../http/validate.js';
import { answerListAsSearch } from '../search/list-search.js';
import type { ActorRecord } from '../store/records.js';
import { actorView } from '../views/actor-view.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget, paging } from './path-params.js';

const ActorDisplayListSchema = z.array(ActorDisplaySchema);

/** list, add, get, update, delete. */
export function registerActorRoutes(router: Router, ctx: EmulatorContext): void {
  const { store, pool } = ctx;

  /** The actor a POST or PUT body describes; the privileged-field check reads the raw body first, as the service's. */
  const described = (req: Request, identity: Identity, id: string, previous: ActorRecord | null) => {
    checkPrivilegedBody(req.body, identity);
    const input = parseBody(ActorRequestSchema, req.body, 'actor');
    return actorFromRequest({
      id,
      input,
      identity,
      now: ctx.clock.now(),
      previous,
      settings: ctx.actorSettings,
      keyCase: ctx.keyCase,
      checkLink: (link) => checkLink(ctx, identity, link, previous),
    });
  };

  defineRoute(router, '/', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'the list of actors');
      if (answerListAsSearch(ctx, req, res, 'actors', {}, 'Actors search completed successfully.')) return;
      // The service has no paging here; the seed's limit/offset stay (a documented deviation).
      const { limit, offset } = paging(req);
      const page = store.actors
        .all()
        .filter((actor) => listableActor(store, identity, actor))
        .slice(offset, offset + limit)
        .map((a) => actorView(req, a, store.actors.getState(a.id)));
      reply(res, ctx, ActorDisplayListSchema, page, 'Actors retrieved successfully.', 'models');
    },
    post: async (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'registering actors');
      const actor = described(req, identity, newId(), null);
      store.createActor(actor);
      await notifyPool(`actor ${actor.id} created`, () => pool.actorCreated(actor));
      const current = store.actors.get(actor.id) ?? actor;
      reply(res, ctx, ActorDisplaySchema, actorView(req, current, {}), 'Actor created successfully.');
    },
  });

  defineRoute(router, '/:actorId', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const shown = actorView(req, target.actor, store.actors.getState(target.actor.id));
      reply(res, ctx, ActorDisplaySchema, shown, 'Actor retrieved successfully.');
    },
    put: async (req, res) => {
      const target = actorTarget(ctx, req);
      const identity = identityOf(req);
      requireActorLevel(store, identity, target, 'UPDATE');
      const previous = target.actor;
      const actor = described(req, identity, previous.id, previous);
      store.transaction(() => {
        store.actors.replace(actor);
        // `state` is a parser field with default {}: every update resets it, as the service's does.
        store.actors.setState(actor.id, {});
        // The service grants UPDATE to whoever updates an actor they do not own (an admin, or a user with UPDATE).
        if (identity.user !== actor.owner) store.permissions.set('actor', actor.id, identity.user, 'UPDATE');
      });
      const replaceWorkers = actor.revision !== previous.revision;
      await notifyPool(`actor ${actor.id} updated`, () => pool.actorUpdated(actor, { replaceWorkers }));
      const current = store.actors.get(actor.id) ?? actor;
      const shown = actorView(req, current, store.actors.getState(actor.id));
      reply(res, ctx, ActorDisplaySchema, shown, 'Actor updated successfully.');
    },
    delete: async (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      store.deleteActor(target.actor.id);
      await notifyPool(`actor ${target.actor.id} deleted`, () => pool.actorDeleted(target.actor.id));
      replyNull(res, 'Actor deleted successfully.');
    },
  });
}

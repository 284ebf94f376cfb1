import { AddWorkersRequestSchema, WorkerDisplayListSchema, WorkerDisplaySchema } from '@actorkit/api';
import type { Request, Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf, isAdmin } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { newId } from '../domain/ids.js';
import { reply, replyNull } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import { actorDbId, answerListAsSearch } from '../search/list-search.js';
import type { WorkerRecord } from '../store/records.js';
import { requestedWorker } from '../store/workers-store.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget, pathText } from './path-params.js';
import { workerView } from '../views/worker-view.js';

/** The service's answer for a worker id the actor does not have (`WorkerResource`, fidelity §9.2). */
function workerNotFound(): HttpError {
  return HttpError.notFound('Worker not found.');
}

/** The actor as the path names it (an id or an alias): the service's messages quote the path's `actor_id`. */
function actorRef(req: Request): string {
  return pathText(req, 'actorId');
}

/** addWorker (admins), listWorkers, getWorker, deleteWorker. The pool brings the records to life. */
export function registerWorkerRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/:actorId/workers', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const { actor } = target;
      const prefill = { actor_id: actorDbId(actor) };
      const searched = 'Workers search completed successfully.';
      if (answerListAsSearch(ctx, req, res, 'workers', prefill, searched)) return;
      const workers = store.workers.listForActor(actor.id).map(workerView);
      reply(res, ctx, WorkerDisplayListSchema, workers, 'Workers retrieved successfully.', 'models');
    },
    /**
     * Makes sure the actor has at least `num` workers (`WorkersResource.post`, fidelity §8.2). Stateful actors
     * included: the service's autoscaler leaves them at one, but an admin's explicit request is honoured.
     */
    post: async (req, res) => {
      // The actor first: an actor the caller cannot see (another tenant's, an unknown id) is not found for anyone.
      const target = actorTarget(ctx, req);
      const { actor } = target;
      // As authorization runs in the service: UPDATE on the actor first (a nonce is redeemed here), then the role.
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      if (!isAdmin(identityOf(req))) {
        throw HttpError.forbidden('Not authorized -- only admins are authorized to update workers.');
      }
      const { num } = parseBody(AddWorkersRequestSchema, req.body, 'addWorker request');
      const { added, before } = store.transaction(() => {
        const have = store.workers.listForActor(actor.id).length;
        const created: WorkerRecord[] = [];
        for (let i = have; i < num; i++) {
          const worker = requestedWorker(actor, newId(), ctx.clock.now().toISOString());
          store.workers.insert(worker);
          created.push(worker);
        }
        return { added: created, before: have };
      });
      if (added.length === 0) {
        replyNull(res, `Actor ${actorRef(req)} already had ${num} worker(s).`);
        return;
      }
      await notifyPool(`workers added to ${actor.id}`, () => ctx.pool.workersAdded(actor, added));
      replyNull(
        res,
        `Scheduled ${added.length} new worker(s) to start. Previously, there were ${before} workers.`,
      );
    },
  });

  defineRoute(router, '/:actorId/workers/:workerId', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const worker = store.workers.get(target.actor.id, pathText(req, 'workerId'));
      if (!worker) throw workerNotFound();
      reply(res, ctx, WorkerDisplaySchema, workerView(worker), 'Worker retrieved successfully.');
    },
    delete: async (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      const id = pathText(req, 'workerId');
      if (!store.workers.delete(target.actor.id, id)) throw workerNotFound();
      await notifyPool(`worker ${id} deleted`, () => ctx.pool.workerDeleted(target.actor.id, id));
      replyNull(res, 'Worker scheduled to be stopped.');
    },
  });
}

import { AddWorkersRequestSchema } from '@actorkit/api';
import type { Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf, isAdmin } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { newId } from '../domain/ids.js';
import { replyUnchecked } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import type { WorkerRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget, pathId } from './path-params.js';
import { workerView } from '../views/worker-view.js';

/** addWorker (admins), listWorkers, getWorker, deleteWorker. The pool (next issue) brings the records to life. */
export function registerWorkerRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/:actorId/workers', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const workers = store.workers.listForActor(target.actor.id).map((w) => workerView(req, w));
      replyUnchecked(res, ctx, workers, 'Workers retrieved successfully.');
    },
    post: async (req, res) => {
      const target = actorTarget(ctx, req);
      const identity = identityOf(req);
      if (!isAdmin(identity)) {
        throw HttpError.forbidden(
          `only admins may add workers, and ${identity.user} is not one; workers are started for you when an actor is registered`,
        );
      }
      const { num } = parseBody(AddWorkersRequestSchema, req.body, 'addWorker request');
      const { actor } = target;
      if (!actor.stateless && num > 1) {
        throw HttpError.badRequest(`actor ${actor.id} is stateful and has exactly one worker; ask for num 1`);
      }
      if (actor.maxWorkers !== null && num > actor.maxWorkers) {
        throw HttpError.badRequest(
          `actor ${actor.id} allows at most ${actor.maxWorkers} workers (maxWorkers); ask for fewer`,
        );
      }
      const added = store.transaction(() => {
        const have = store.workers.listForActor(actor.id).length;
        const created: WorkerRecord[] = [];
        for (let i = have; i < num; i++) {
          const w: WorkerRecord = {
            id: newId(),
            actorId: actor.id,
            tenant: actor.tenant,
            status: 'REQUESTED',
            image: actor.image,
            cid: null,
            hostId: null,
            hostIp: null,
            location: null,
            lastExecution: null,
            lastExecutionTime: null,
            lastHealthCheckTime: null,
            createTime: ctx.clock.now().toISOString(),
          };
          store.workers.insert(w);
          created.push(w);
        }
        return created;
      });
      if (added.length > 0)
        await notifyPool(`workers added to ${actor.id}`, () => ctx.pool.workersAdded(actor, added));
      const all = store.workers.listForActor(actor.id).map((w) => workerView(req, w));
      replyUnchecked(res, ctx, all, `Requested ${added.length} new worker(s); the actor has ${all.length}.`);
    },
  });

  defineRoute(router, '/:actorId/workers/:workerId', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const id = pathId(req, 'workerId', 'worker id');
      const worker = store.workers.get(target.actor.id, id);
      if (!worker)
        throw HttpError.notFound(
          `actor ${target.actor.id} has no worker ${id}; list them with GET .../workers`,
        );
      replyUnchecked(res, ctx, workerView(req, worker), 'Worker retrieved successfully.');
    },
    delete: async (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      const id = pathId(req, 'workerId', 'worker id');
      if (!store.workers.delete(target.actor.id, id)) {
        throw HttpError.notFound(
          `actor ${target.actor.id} has no worker ${id}; list them with GET .../workers`,
        );
      }
      await notifyPool(`worker ${id} deleted`, () => ctx.pool.workerDeleted(target.actor.id, id));
      replyUnchecked(res, ctx, null, 'Worker scheduled to be stopped.');
    },
  });
}

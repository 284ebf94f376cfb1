import { AddExecutionRequestSchema } from '@actorkit/api';
import type { Request, Router } from 'express';
import { requireActorLevel, type ActorTarget } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { newId } from '../domain/ids.js';
import { reply } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import type { ExecutionRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { actorTarget, paging, pathId } from './path-params.js';
import { apiBase, executionView } from './views.js';

function findExecution(ctx: EmulatorContext, req: Request, target: ActorTarget): ExecutionRecord {
  const id = pathId(req, 'executionId', 'execution id');
  const execution = ctx.store.executions.get(id);
  if (!execution || execution.actorId !== target.actor.id) {
    throw HttpError.notFound(
      `actor ${target.actor.id} has no execution ${id}; list them with GET .../executions`,
    );
  }
  return execution;
}

/** listExecutions (summary), addExecution, getExecution, logs, results (raw bytes) and force-quit. */
export function registerExecutionRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;
  const authorized = (req: Request, level: 'READ' | 'UPDATE') => {
    const target = actorTarget(ctx, req);
    requireActorLevel(store, identityOf(req), target, level);
    return target;
  };

  defineRoute(router, '/:actorId/executions', {
    get: (req, res) => {
      const { actor } = authorized(req, 'READ');
      const { limit, offset } = paging(req);
      const page = store.executions.listForActor(actor.id, limit, offset);
      const summary = {
        actorId: actor.id,
        owner: actor.owner,
        ids: page.map((e) => e.id),
        executions: page.map((e) => ({
          id: e.id,
          status: e.status,
          messageReceivedTime: e.messageReceivedTime,
          startTime: e.startTime,
          finishTime: e.finishTime,
        })),
        ...store.executions.totals(actor.id),
        _links: { self: `${apiBase(req)}/${actor.id}/executions`, actor: `${apiBase(req)}/${actor.id}` },
      };
      reply(res, ctx, summary, 'Actor executions retrieved successfully.');
    },
    post: (req, res) => {
      const { actor } = authorized(req, 'UPDATE');
      const usage = parseBody(AddExecutionRequestSchema, req.body, 'execution');
      const now = ctx.clock.now().toISOString();
      const execution: ExecutionRecord = {
        id: newId(),
        actorId: actor.id,
        owner: actor.owner,
        workerId: null,
        executor: identityOf(req).user,
        status: 'COMPLETE',
        statusMessage: '',
        exitCode: null,
        finalState: null,
        messageReceivedTime: now,
        startTime: now,
        finishTime: now,
        ...usage,
      };
      store.executions.insert(execution);
      reply(res, ctx, executionView(req, execution), 'Actor execution added successfully.');
    },
  });

  defineRoute(router, '/:actorId/executions/:executionId', {
    get: (req, res) => {
      const execution = findExecution(ctx, req, authorized(req, 'READ'));
      reply(res, ctx, executionView(req, execution), 'Actor execution retrieved successfully.');
    },
    delete: async (req, res) => {
      const execution = findExecution(ctx, req, authorized(req, 'UPDATE'));
      if (execution.status !== 'RUNNING' || !(await ctx.control.forceQuit(execution.id))) {
        throw HttpError.badRequest(
          `execution ${execution.id} is not running (status ${execution.status}); only a RUNNING execution can be force-quit`,
        );
      }
      reply(res, ctx, null, `Execution ${execution.id} is being stopped.`);
    },
  });

  defineRoute(router, '/:actorId/executions/:executionId/logs', {
    get: (req, res) => {
      const execution = findExecution(ctx, req, authorized(req, 'READ'));
      const self = `${apiBase(req)}/${execution.actorId}/executions/${execution.id}/logs`;
      reply(
        res,
        ctx,
        { logs: store.logs.get(execution.id), _links: { self } },
        'Logs retrieved successfully.',
      );
    },
  });

  defineRoute(router, '/:actorId/executions/:executionId/results', {
    get: (req, res) => {
      const execution = findExecution(ctx, req, authorized(req, 'READ'));
      const bytes = store.results.pop(execution.id) ?? Buffer.alloc(0);
      res.status(200).set('Content-Type', 'application/octet-stream').send(bytes);
    },
  });
}

import { createHash } from 'node:crypto';
import {
  AddExecutionRequestSchema,
  ExecutionDisplaySchema,
  ExecutionLogsDisplaySchema,
  ExecutionsSummaryDisplaySchema,
} from '@actorkit/api';
import type { Request, Response, Router } from 'express';
import { requireActorLevel, type ActorTarget } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { newId } from '../domain/ids.js';
import { reply, replyNull } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { parseBody } from '../http/validate.js';
import { actorDbId, answerListAsSearch } from '../search/list-search.js';
import type { ExecutionRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { actorTarget, paging, pathText } from './path-params.js';
import { executionLogsView, executionsSummaryView, executionView } from '../views/execution-view.js';

/**
 * The execution the path names, of the actor the path names. An unknown one is the service's 400 (a
 * `ResourceError` with the default code, fidelity §8.4, §9.2), naming the actor as the path does.
 */
function findExecution(ctx: EmulatorContext, req: Request, target: ActorTarget): ExecutionRecord {
  const id = pathText(req, 'executionId');
  const execution = ctx.store.executions.get(id);
  if (!execution || execution.actorId !== target.actor.id) {
    const actorRef = pathText(req, 'actorId');
    throw HttpError.badRequest(`No executions found with actor id of ${actorRef} and execution id of ${id}.`);
  }
  return execution;
}

/** The longest a blocking read is held (`Prefer: wait=N` asks for N seconds; more is cut to this). */
export const MAX_WAIT_SECONDS = 30;

/** The seconds a request's `Prefer: wait=N` (RFC 7240) asks to be held for; null when it asks for none. */
function preferredWait(req: Request): number | null {
  const prefer = req.get('prefer');
  const match = prefer ? /(?:^|[\s,;])wait\s*=\s*"?(\d+)"?/i.exec(prefer) : null;
  return match ? Math.min(Number(match[1]), MAX_WAIT_SECONDS) : null;
}

/**
 * A version of an execution as GET shows it: its record and how far its log has grown. A weak ETag: it changes
 * whenever the record or the log does.
 */
function executionTag(ctx: EmulatorContext, execution: ExecutionRecord): string {
  const log = ctx.store.logs.extent(execution.id);
  const digest = createHash('sha1').update(JSON.stringify(execution)).digest('base64url').slice(0, 16);
  return `W/"${digest}.${log.bytes}${log.capped ? 'c' : ''}"`;
}

/** Whether `If-None-Match` names this version (a list, `*`, weak or strong: compared weakly, as HTTP says). */
function matches(ifNoneMatch: string, tag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

/**
 * GET of an execution as a blocking read: with `If-None-Match` naming its current version and `Prefer: wait=N`,
 * the answer waits until the execution or its log changes (then 200 with the new version), or N seconds pass
 * (then 304 Not Modified). Without `Prefer` it answers at once, as the real service does (304 when If-None-Match
 * names the current version).
 */
async function readExecution(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  target: ActorTarget,
): Promise<{ execution: ExecutionRecord; notModified: boolean }> {
  let execution = findExecution(ctx, req, target);
  const wait = preferredWait(req);
  const known = req.get('if-none-match');
  if (wait !== null) res.set('Preference-Applied', `wait=${wait}`);
  // `*` names no version in particular: it is answered at once (304: the execution exists).
  if (wait && known && known.trim() !== '*' && matches(known, executionTag(ctx, execution))) {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const deadline = Date.now() + wait * 1000;
    const { changes } = ctx.store;
    while (!gone.signal.aborted && !changes.isReleased && Date.now() < deadline) {
      await changes.next(execution.id, deadline - Date.now(), gone.signal);
      execution = findExecution(ctx, req, target);
      if (!matches(known, executionTag(ctx, execution))) break;
    }
  }
  const tag = executionTag(ctx, execution);
  res.set('ETag', tag);
  // Decided here rather than by express, whose freshness check gives up on `Cache-Control: no-cache`, which
  // fetch() adds to every conditional request; that directive is for caches, not for the origin server.
  return { execution, notModified: known !== undefined && matches(known, tag) };
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
      const prefill = { actor_id: actorDbId(actor) };
      const searched = 'Executions search completed successfully.';
      if (answerListAsSearch(ctx, req, res, 'executions', prefill, searched)) return;
      // The seed's limit/offset paging (the service has none: any other parameter made this a search above).
      const { limit, offset } = paging(req);
      const page = store.executions.listForActor(actor.id, limit, offset);
      const summary = executionsSummaryView(req, actor, page, store.executions.totals(actor.id));
      reply(res, ctx, ExecutionsSummaryDisplaySchema, summary, 'Actor executions retrieved successfully.');
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
      const view = executionView(req, execution);
      reply(res, ctx, ExecutionDisplaySchema, view, 'Actor execution added successfully.');
    },
  });

  defineRoute(router, '/:actorId/executions/:executionId', {
    get: async (req, res) => {
      const { execution, notModified } = await readExecution(ctx, req, res, authorized(req, 'READ'));
      if (notModified) res.status(304).end();
      else {
        const view = executionView(req, execution);
        reply(res, ctx, ExecutionDisplaySchema, view, 'Actor execution retrieved successfully.');
      }
    },
    delete: async (req, res) => {
      const execution = findExecution(ctx, req, authorized(req, 'UPDATE'));
      if (execution.status !== 'RUNNING') {
        throw HttpError.badRequest(
          `Cannot force quit an execution not in RUNNING status. Execution was found in status: ${execution.status}`,
        );
      }
      if (!(await ctx.control.forceQuit(execution.id))) {
        // No counterpart in the service, whose command goes to the worker whatever happens: here nothing holds it.
        throw HttpError.badRequest(
          `Cannot force quit execution ${execution.id}: it is RUNNING, but nothing in this emulator is running it (no executor, or it has just ended); read it again`,
        );
      }
      replyNull(res, `Issued force quit command for execution ${execution.id}.`);
    },
  });

  defineRoute(router, '/:actorId/executions/:executionId/logs', {
    get: (req, res) => {
      const target = authorized(req, 'READ');
      const executionId = pathText(req, 'executionId');
      const prefill = { actor_id: actorDbId(target.actor), _id: executionId };
      if (answerListAsSearch(ctx, req, res, 'logs', prefill, 'Logs search completed successfully.')) return;
      const execution = findExecution(ctx, req, target);
      const view = executionLogsView(req, target.actor, execution, store.logs.get(execution.id));
      reply(res, ctx, ExecutionLogsDisplaySchema, view, 'Logs retrieved successfully.', 'plain');
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

import type { Request, Response, Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { messageEnvironment, readMessage } from '../domain/message-body.js';
import { binaryBody } from '../http/body-parsers.js';
import { replyUnchecked } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import type { ExecutionRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget } from './path-params.js';
import { apiBase } from '../views/links.js';

function wantsSynchronous(req: Request): boolean {
  const v = req.query['_abaco_synchronous'];
  return typeof v === 'string' && ['true', 'True', '1', 'yes'].includes(v);
}

async function answerSynchronously(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  execution: ExecutionRecord,
): Promise<void> {
  const wait = ctx.pool.awaitExecution;
  if (!wait) throw new Error('answerSynchronously called without a pool that runs executions');
  const abort = new AbortController();
  res.on('close', () => abort.abort(new Error('the client went away')));
  const answer = await wait.call(ctx.pool, execution, abort.signal);
  res
    .status(200)
    .set({ 'Content-Type': answer.contentType, 'X-Abaco-Execution-Id': execution.id })
    .send(Buffer.from(answer.body));
}

/** getMessages (count), sendMessage / sendBinaryMessage, and purge. */
export function registerMessageRoutes(router: Router, ctx: EmulatorContext): void {
  const { store, mailbox } = ctx;

  defineRoute(router, '/:actorId/messages', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const self = `${apiBase(req)}/${target.actor.id}/messages`;
      replyUnchecked(
        res,
        ctx,
        { messages: mailbox.count(target.actor.id), _links: { self } },
        'Actor messages retrieved successfully.',
      );
    },
    post: [
      ...binaryBody(ctx.limits),
      async (req, res) => {
        const target = actorTarget(ctx, req);
        const identity = identityOf(req);
        requireActorLevel(store, identity, target, 'EXECUTE');
        const synchronous = wantsSynchronous(req);
        if (synchronous && !ctx.pool.awaitExecution) {
          throw HttpError.badRequest(
            'synchronous messages (_abaco_synchronous=true) need an executor, and this emulator runs none; start it with an executor, or send without _abaco_synchronous and poll the execution',
          );
        }
        const message = readMessage(req);
        const execution = await mailbox.post({
          actor: target.actor,
          sender: identity.user,
          contentType: message.contentType,
          body: message.body,
          env: messageEnvironment(req),
        });
        await notifyPool(`message ${execution.id}`, () =>
          ctx.pool.messageQueued(target.actor.id, execution.id),
        );
        if (synchronous) {
          await answerSynchronously(ctx, req, res, execution);
          return;
        }
        const actorUrl = `${apiBase(req)}/${target.actor.id}`;
        replyUnchecked(
          res,
          ctx,
          {
            executionId: execution.id,
            msg: message.msg,
            _links: {
              self: `${actorUrl}/executions/${execution.id}`,
              owner: `${req.protocol}://${req.get('host') ?? 'localhost'}/profiles/v2/${encodeURIComponent(target.actor.owner)}`,
              messages: `${actorUrl}/messages`,
            },
          },
          'The request was successful',
        );
      },
    ],
    delete: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      const purged = mailbox.purge(target.actor.id);
      replyUnchecked(
        res,
        ctx,
        { messages: mailbox.count(target.actor.id), purged },
        `Purged ${purged} message(s) from the mailbox.`,
      );
    },
  });
}

import {
  ActorMessageResponseDisplaySchema,
  ActorMessagesDisplaySchema,
  MessagesPurgedDisplaySchema,
} from '@actorkit/api';
import type { Request, Response, Router } from 'express';
import { requireActorLevel } from '../auth/authorize.js';
import { identityOf } from '../auth/identity.js';
import type { EmulatorContext } from '../context.js';
import { messageEnvironment, readMessage } from '../domain/message-body.js';
import { checkPrivilegedBody } from '../domain/privileged-fields.js';
import { binaryBody } from '../http/body-parsers.js';
import { reply } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import type { ActorRecord, ExecutionRecord } from '../store/records.js';
import { defineRoute } from './define-route.js';
import { notifyPool } from './notify-pool.js';
import { actorTarget } from './path-params.js';
import { actorsUrl, profileUrl } from '../views/links.js';

/**
 * The service refuses a synchronous send when more than this many messages are queued (`MessagesResource.post`;
 * its text says "> 0", its check says "> 3": the check is what clients meet, fidelity §9.3).
 */
export const MAX_QUEUED_FOR_SYNCHRONOUS = 3;

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

/** The `_links` of the mailbox answers: `{self, owner}`. */
function mailboxLinks(req: Request, actor: ActorRecord) {
  return {
    self: actorsUrl(req, `/${encodeURIComponent(actor.id)}/messages`),
    owner: profileUrl(req, actor.owner),
  };
}

/** getMessages (count), sendMessage / sendBinaryMessage, and purge. */
export function registerMessageRoutes(router: Router, ctx: EmulatorContext): void {
  const { store, mailbox } = ctx;

  defineRoute(router, '/:actorId/messages', {
    get: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'READ');
      const { actor } = target;
      const result = { messages: mailbox.count(actor.id), _links: mailboxLinks(req, actor) };
      reply(res, ctx, ActorMessagesDisplaySchema, result, 'The request was successful', 'plain');
    },
    post: [
      ...binaryBody(ctx.limits),
      async (req, res) => {
        const target = actorTarget(ctx, req);
        const identity = identityOf(req);
        // The service's check_privileged reads the body of every POST on the actor routes, messages included.
        if (!Buffer.isBuffer(req.body)) checkPrivilegedBody(req.body, identity);
        requireActorLevel(store, identity, target, 'EXECUTE');
        const { actor } = target;
        const synchronous = wantsSynchronous(req);
        if (synchronous && mailbox.count(actor.id) > MAX_QUEUED_FOR_SYNCHRONOUS) {
          throw HttpError.badRequest(
            `Cannot issue synchronous execution when actor message queue > 0. (${mailbox.count(actor.id)} messages are queued; this waits for at most ${MAX_QUEUED_FOR_SYNCHRONOUS})`,
          );
        }
        if (synchronous && !ctx.pool.awaitExecution) {
          throw HttpError.badRequest(
            'synchronous messages (_abaco_synchronous=true) need an executor, and this emulator runs none; start it with an executor, or send without _abaco_synchronous and poll the execution',
          );
        }
        const message = readMessage(req);
        const execution = await mailbox.post({
          actor,
          sender: identity.user,
          contentType: message.contentType,
          body: message.body,
          env: messageEnvironment(req),
        });
        await notifyPool(`message ${execution.id}`, () => ctx.pool.messageQueued(actor.id, execution.id));
        if (synchronous) {
          await answerSynchronously(ctx, req, res, execution);
          return;
        }
        const actorUrl = actorsUrl(req, `/${encodeURIComponent(actor.id)}`);
        const result = {
          executionId: execution.id,
          msg: message.msg,
          _links: {
            self: `${actorUrl}/executions/${execution.id}`,
            owner: profileUrl(req, actor.owner),
            messages: `${actorUrl}/messages`,
          },
        };
        reply(res, ctx, ActorMessageResponseDisplaySchema, result, 'The request was successful', 'plain');
      },
    ],
    delete: (req, res) => {
      const target = actorTarget(ctx, req);
      requireActorLevel(store, identityOf(req), target, 'UPDATE');
      mailbox.purge(target.actor.id);
      const result = { msg: 'Actor mailbox purged.', _links: mailboxLinks(req, target.actor) };
      reply(res, ctx, MessagesPurgedDisplaySchema, result, 'The request was successful', 'plain');
    },
  });
}

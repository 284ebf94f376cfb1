import createDebug from 'debug';
import { isoNow } from '../domain/clock.js';
import type { ActorRecord, ExecutionRecord } from '../store/records.js';
import type { PoolContext } from './pool-context.js';

const debug = createDebug('actorkit:events');

export type ActorEventType = 'EXECUTION_COMPLETE' | 'ACTOR_READY' | 'ACTOR_ERROR';

/** The event a linked actor receives as a JSON message, and a webhook as a POST body (the real service's keys). */
export function actorEvent(
  ctx: PoolContext,
  actor: ActorRecord,
  type: ActorEventType,
  execution?: ExecutionRecord,
  message = '',
): Record<string, unknown> {
  const now = isoNow(ctx.store.clock);
  return {
    event_type: type,
    tenant_id: actor.tenant,
    actor_id: actor.id,
    actor_dbid: `${actor.tenant}_${actor.id}`,
    event_time_utc: now,
    event_time_display: now,
    _abaco_link: actor.link,
    _abaco_webhook: actor.webhook,
    _abaco_Content_Type: 'application/json',
    ...(execution
      ? { execution_id: execution.id, status: execution.status, exit_code: execution.exitCode }
      : { status_message: message }),
  };
}

/**
 * Sends an actor's event: a message to its `link` (an actor id or alias) and a POST to its `webhook`. Delivery
 * failures are logged, never fatal: the execution that caused them has already ended.
 */
export async function deliverEvent(
  ctx: PoolContext,
  actor: ActorRecord,
  event: Record<string, unknown>,
  queued: (actorId: string, executionId: string) => void,
): Promise<void> {
  if (actor.link) {
    // A link names an actor or alias of the actor's own tenant, never another's.
    const targetId = ctx.store.aliases.find(actor.tenant, actor.link)?.actorId ?? actor.link;
    const found = ctx.store.actors.get(targetId);
    const target = found?.tenant === actor.tenant ? found : null;
    if (target && target.id !== actor.id) {
      const execution = ctx.mailbox.send({
        actor: target,
        sender: actor.owner,
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify(event)),
        env: {},
      });
      queued(target.id, execution.id);
      debug(
        'event %s of %s -> linked actor %s (execution %s)',
        event.event_type,
        actor.id,
        target.id,
        execution.id,
      );
    } else {
      debug('event of %s: link %s names no other actor', actor.id, actor.link);
    }
  }
  if (actor.webhook) {
    const fetchFn = ctx.options.fetch ?? globalThis.fetch;
    try {
      const response = await fetchFn(actor.webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      });
      debug('event %s of %s -> webhook %s: %d', event.event_type, actor.id, actor.webhook, response.status);
    } catch (error) {
      debug('event of %s: webhook %s failed: %O', actor.id, actor.webhook, error);
    }
  }
}

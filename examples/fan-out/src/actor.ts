/**
 * fan-out: splits a job into one message per item, sent to another actor (by id or alias), and hands out a
 * limited-use nonce with which the workers (or anyone) may message this actor back, once per item.
 *
 *   curl -X POST "$API/actors/v2/$ACTOR/messages" -H 'Content-Type: application/json' \
 *        -d '{"items": ["a.csv", "b.csv"]}'
 *   -> result: {"sent": [<executionId>, ...], "nonce": "<id>", "maxUses": 2}
 */
import { z } from 'zod';
import { defineActor } from '@actorkit/runtime';

export const FanOutMessage = z.object({
  /** The actor (id or alias) the items go to; default: the FAN_OUT_TARGET variable. */
  target: z.string().min(1).optional(),
  items: z
    .array(z.union([z.string(), z.number(), z.record(z.string(), z.unknown())]))
    .min(1)
    .max(100),
});

export default defineActor({
  message: FanOutMessage,
  handler: async ({ message, env, context, sendMessage, createNonce, log }) => {
    const target = message.target ?? env.FAN_OUT_TARGET;
    if (!target) throw new Error('no target actor: give "target" in the message or set FAN_OUT_TARGET');
    const nonce = await createNonce({
      level: 'EXECUTE',
      maxUses: message.items.length,
      description: `replies to ${context.executionId}`,
    });
    const sent: string[] = [];
    for (const [index, item] of message.items.entries()) {
      const { executionId } = await sendMessage(
        target,
        { item, index, of: message.items.length },
        { FAN_OUT_PARENT: context.actorId, FAN_OUT_EXECUTION: context.executionId, REPLY_NONCE: nonce.id },
      );
      sent.push(executionId);
    }
    log(`sent ${sent.length} messages to ${target}; reply nonce ${nonce.id} allows ${nonce.maxUses} uses`);
    return { result: { sent, nonce: nonce.id, maxUses: nonce.maxUses } };
  },
});

/**
 * counter: a stateful actor (register it with stateless: false). JSON messages add to the count or reset it; the
 * state keeps the count and who changed it last. Each execution sends the new count as a JSON result.
 *
 *   curl -X POST "$API/actors/v2/$ACTOR/messages" -H 'Content-Type: application/json' -d '{"op": "add", "by": 2}'
 */
import { z } from 'zod';
import { defineActor } from '@actorkit/runtime';

export const CounterMessage = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), by: z.number().int().min(-1000).max(1000).default(1) }),
  z.object({ op: z.literal('reset') }),
]);

export const CounterState = z.object({
  count: z.number().int().default(0),
  updates: z.number().int().nonnegative().default(0),
  lastUpdatedBy: z.string().nullable().default(null),
});
export type CounterState = z.output<typeof CounterState>;

export default defineActor({
  message: CounterMessage,
  state: CounterState,
  handler: ({ message, state, context, log }) => {
    const count = message.op === 'add' ? state.count + message.by : 0;
    const next: CounterState = { count, updates: state.updates + 1, lastUpdatedBy: context.username || null };
    log(`${message.op}: ${state.count} -> ${count}`);
    return { state: next, result: { count } };
  },
});

import { z } from 'zod';
import { defineActor, getContext, sendResult } from '@actorkit/runtime';

/** Small actors the in-process tier is tested with. */
export const echo = defineActor({
  handler: async ({ message, context, env, log }) => {
    log(`content type ${context.contentType}`);
    await sendResult(JSON.stringify({ message, env }));
  },
});

export const counter = defineActor({
  message: z.object({ add: z.number().int() }),
  state: z.object({ count: z.number().int().default(0) }),
  handler: ({ message, state }) => ({
    state: { count: state.count + message.add },
    result: { count: state.count + message.add },
  }),
});

export const binarySize = defineActor({
  handler: async ({ binary }) => ({ result: String((await binary()).length) }),
});

export const caller = defineActor({
  handler: async (ctx) => {
    await ctx.sendMessage('worker', 'plain text', { A: 1 });
    await ctx.sendMessage('worker', { message: 'also text' });
    await ctx.sendMessage('worker', { job: [1, 2] });
    await ctx.sendMessage('worker', new Uint8Array([1, 2]));
    const nonce = await ctx.createNonce({ level: 'READ', maxUses: 2 });
    const before = await ctx.listNonces();
    await ctx.deleteNonce('DEV_OLD');
    return { result: { nonce: nonce.id, before: before.length, after: (await ctx.listNonces()).length } };
  },
});

export const failing = defineActor({
  handler: () => {
    throw new Error(`failed in ${getContext().executionId}`);
  },
});

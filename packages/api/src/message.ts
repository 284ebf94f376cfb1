import { z } from 'zod';
import { LinksSchema } from './common.js';

/** The seed's MessageRequest: `{message}`. Any other JSON body is sent as an `application/json` message. */
export const MessageRequestSchema = z.object({
  message: z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
});
export type MessageRequest = z.input<typeof MessageRequestSchema>;

/** getMessages: how many messages wait in the actor's mailbox. */
export const ActorMessagesSchema = z.looseObject({
  messages: z.number().int(),
  _links: LinksSchema.default({}),
});
export type ActorMessages = z.output<typeof ActorMessagesSchema>;

/** sendMessage's answer: the execution the message became. */
export const ActorMessageResponseSchema = z.looseObject({
  executionId: z.string(),
  msg: z.unknown(),
  _links: LinksSchema.default({}),
});
export type ActorMessageResponse = z.output<typeof ActorMessageResponseSchema>;

import { z } from 'zod';
import { LinksSchema } from './common.js';

/** The seed's MessageRequest: `{message}`. Any other JSON body is sent as an `application/json` message. */
export const MessageRequestSchema = z.object({
  message: z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v)),
});
export type MessageRequest = z.input<typeof MessageRequestSchema>;

const selfAndOwner = z.strictObject({ self: z.string(), owner: z.string() });

/** getMessages: how many messages wait in the actor's mailbox (`MessagesResource.get`). */
const actorMessagesShape = {
  messages: z.number().int(),
  _links: selfAndOwner,
};
export const ActorMessagesDisplaySchema = z.strictObject(actorMessagesShape);
export const ActorMessagesSchema = z.looseObject({
  ...actorMessagesShape,
  _links: LinksSchema.default({}),
});
export type ActorMessages = z.output<typeof ActorMessagesSchema>;

/** The mailbox purge's answer (`MessagesResource.delete`): `msg` is "Actor mailbox purged.". */
const messagesPurgedShape = {
  msg: z.string(),
  _links: selfAndOwner,
};
export const MessagesPurgedDisplaySchema = z.strictObject(messagesPurgedShape);
export const MessagesPurgedSchema = z.looseObject({
  ...messagesPurgedShape,
  msg: messagesPurgedShape.msg.default(''),
  _links: LinksSchema.default({}),
});
export type MessagesPurged = z.output<typeof MessagesPurgedSchema>;

/** sendMessage's answer: the execution the message became, and the message as received. */
const messageResponseShape = {
  executionId: z.string(),
  msg: z.unknown(),
  _links: z.strictObject({ self: z.string(), owner: z.string(), messages: z.string() }),
};
export const ActorMessageResponseDisplaySchema = z.strictObject(messageResponseShape);
export const ActorMessageResponseSchema = z.looseObject({
  ...messageResponseShape,
  _links: LinksSchema.default({}),
});
export type ActorMessageResponse = z.output<typeof ActorMessageResponseSchema>;

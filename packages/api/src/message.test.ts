import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { messageResponse, messages } from '../test/fixtures-camel.js';
import { MESSAGE_CONTENT_TYPES } from './container.js';
import { ActorMessageResponseSchema, ActorMessagesSchema, MessageRequestSchema } from './message.js';

describe('message schemas', () => {
  it('MessageRequestSchema takes a message and writes it as text', () => {
    expect(MessageRequestSchema.parse({ message: 'hi' })).toEqual({ message: 'hi' });
    expect(MessageRequestSchema.parse({ message: 5 })).toEqual({ message: '5' });
    expect(MessageRequestSchema.parse({ message: false })).toEqual({ message: 'false' });
    expectIssueAt(MessageRequestSchema, {}, ['message']);
    expectIssueAt(MessageRequestSchema, { message: { a: 1 } }, ['message']);
  });

  it('ActorMessagesSchema counts the mailbox', () => {
    expect(ActorMessagesSchema.parse(messages)).toEqual(messages);
    expect(ActorMessagesSchema.parse({ messages: 0 })).toEqual({ messages: 0, _links: {} });
    expectIssueAt(ActorMessagesSchema, { messages: '3' }, ['messages']);
    expectIssueAt(ActorMessagesSchema, { messages: 1.5 }, ['messages']);
  });

  it('ActorMessageResponseSchema keeps msg as sent', () => {
    expect(ActorMessageResponseSchema.parse(messageResponse)).toEqual(messageResponse);
    expect(ActorMessageResponseSchema.parse({ executionId: 'e1', msg: 'hi' })).toEqual({
      executionId: 'e1',
      msg: 'hi',
      _links: {},
    });
    expectIssueAt(ActorMessageResponseSchema, { msg: 'hi' }, ['executionId']);
  });

  it('names the three content types', () => {
    expect(MESSAGE_CONTENT_TYPES).toEqual(['str', 'application/json', 'application/octet-stream']);
  });
});

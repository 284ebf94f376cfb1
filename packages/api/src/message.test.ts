import { describe, expect, it } from 'vitest';
import { expectIssueAt } from '../test/expect-issue.js';
import { messageResponse, messages } from '../test/fixtures-camel.js';
import { MESSAGE_CONTENT_TYPES } from './container.js';
import {
  ActorMessageResponseDisplaySchema,
  ActorMessageResponseSchema,
  ActorMessagesDisplaySchema,
  ActorMessagesSchema,
  MessageRequestSchema,
  MessagesPurgedDisplaySchema,
  MessagesPurgedSchema,
} from './message.js';

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
    expect(ActorMessagesDisplaySchema.parse(messages)).toEqual(messages);
    expectIssueAt(ActorMessagesDisplaySchema, { messages: 1, _links: { self: 's' } }, ['_links', 'owner']);
  });

  it('MessagesPurgedSchema reads the purge answer', () => {
    const purged = { msg: 'Actor mailbox purged.', _links: messages._links };
    expect(MessagesPurgedSchema.parse(purged)).toEqual(purged);
    expect(MessagesPurgedDisplaySchema.parse(purged)).toEqual(purged);
    expectIssueAt(MessagesPurgedDisplaySchema, { ...purged, messages: 0 }, []);
  });

  it('ActorMessageResponseSchema keeps msg as sent', () => {
    expect(ActorMessageResponseSchema.parse(messageResponse)).toEqual(messageResponse);
    expect(ActorMessageResponseSchema.parse({ executionId: 'e1', msg: 'hi' })).toEqual({
      executionId: 'e1',
      msg: 'hi',
      _links: {},
    });
    expectIssueAt(ActorMessageResponseSchema, { msg: 'hi' }, ['executionId']);
    expect(ActorMessageResponseDisplaySchema.parse(messageResponse)).toEqual(messageResponse);
  });

  it('names the three content types', () => {
    expect(MESSAGE_CONTENT_TYPES).toEqual(['str', 'application/json', 'application/octet-stream']);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectIssueAt } from '../test/expect-issue.js';
import { EnvelopeSchema, envelopeOf } from './envelope.js';

describe('the response envelope', () => {
  it('parses success and error envelopes, defaulting message and version', () => {
    expect(EnvelopeSchema.parse({ result: [1], status: 'success', message: 'ok', version: '1.9' })).toEqual({
      result: [1],
      status: 'success',
      message: 'ok',
      version: '1.9',
    });
    expect(EnvelopeSchema.parse({ result: null, status: 'error' })).toEqual({
      result: null,
      status: 'error',
      message: '',
      version: '',
    });
  });

  it('rejects an unknown status and a wrong message type at the field', () => {
    expectIssueAt(EnvelopeSchema, { result: 1, status: 'ok' }, ['status']);
    expectIssueAt(EnvelopeSchema, { result: 1, status: 'success', message: 5 }, ['message']);
  });

  it('types the result with envelopeOf', () => {
    const schema = envelopeOf(z.object({ messages: z.number() }));
    expect(schema.parse({ result: { messages: 2 }, status: 'success' }).result).toEqual({ messages: 2 });
    expectIssueAt(schema, { result: { messages: 'x' }, status: 'success' }, ['result', 'messages']);
  });
});

import { describe, expect, it } from 'vitest';
import { ActorsApiError, ActorsResponseError } from './errors.js';

const request = { method: 'GET', url: 'http://h/actors/v2/a1' };

describe('error classes', () => {
  it('ActorsApiError says what failed, with the status and the server message', () => {
    const cause = new Error('inner');
    const e = new ActorsApiError({ status: 400, message: 'Invalid actor.', request, body: { x: 1 }, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ActorsApiError');
    expect(e.message).toBe('GET http://h/actors/v2/a1 failed (400): Invalid actor.');
    expect([e.status, e.serverMessage, e.request, e.body, e.cause]).toEqual([
      400,
      'Invalid actor.',
      request,
      { x: 1 },
      cause,
    ]);
    expect(e.isNotFound).toBe(false);
  });

  it('ActorsApiError without an answer says so', () => {
    const e = new ActorsApiError({ status: 0, message: 'no answer', request });
    expect(e.message).toBe('GET http://h/actors/v2/a1 failed (no response): no answer');
  });

  it('ActorsResponseError keeps the request, the body and the cause', () => {
    const e = new ActorsResponseError('bad field', request, { result: 1 }, { cause: 'why' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ActorsResponseError');
    expect([e.message, e.request, e.body, e.cause]).toEqual(['bad field', request, { result: 1 }, 'why']);
  });
});

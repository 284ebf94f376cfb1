import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { searchPaging } from './search-paging.js';

function failure(skip: string | undefined, limit: string | undefined): HttpError {
  try {
    searchPaging(skip, limit);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('searchPaging accepted the paging');
}

describe('search paging', () => {
  it('defaults to skip 0 and limit 100', () => {
    expect(searchPaging(undefined, undefined)).toEqual({ skip: 0, limit: 100 });
  });

  it('reads whole numbers, 0 included', () => {
    expect(searchPaging('5', '0')).toEqual({ skip: 5, limit: 0 });
  });

  it("answers the service's texts with 400 for a non-integer or a negative value", () => {
    const notInt = failure('x', undefined);
    expect(notInt.status).toBe(400);
    expect(notInt.message.startsWith('Inputted "skip" paramater must be an int. Received: x')).toBe(true);
    expect(
      failure(undefined, '1.5').message.startsWith(
        'Inputted "limit" paramater must be an int. Received: 1.5',
      ),
    ).toBe(true);
    expect(
      failure(undefined, '-1').message.startsWith('Inputted "limit" must be positive. Received: -1'),
    ).toBe(true);
    expect(
      failure('-2', undefined).message.startsWith('Inputted "skip" must be positive. Received: -2'),
    ).toBe(true);
  });
});

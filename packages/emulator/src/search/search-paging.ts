import { HttpError } from '../http/http-error.js';
import { parsePyInt } from './py-number.js';

export const DEFAULT_SEARCH_LIMIT = 100;

export interface SearchPaging {
  skip: number;
  limit: number;
}

/** `skip` or `limit`: a Python int, at least 0. The service raises these texts (as a 500); the emulator answers 400. */
function count(name: 'skip' | 'limit', raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = parsePyInt(raw);
  if (n === null) {
    throw HttpError.badRequest(
      `Inputted "${name}" paramater must be an int. Received: ${raw}; send a whole number, 0 or more`,
    );
  }
  if (n < 0) {
    throw HttpError.badRequest(`Inputted "${name}" must be positive. Received: ${raw}; send 0 or more`);
  }
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

/** The search's paging: `skip` (default 0) and `limit` (default 100; 0 returns no document, only the count). */
export function searchPaging(skip: string | undefined, limit: string | undefined): SearchPaging {
  return { skip: count('skip', skip, 0), limit: count('limit', limit, DEFAULT_SEARCH_LIMIT) };
}

import { envelope, type Reply } from './fake-server.js';
import type { ActorsClient } from '../src/index.js';

/** One client call: what it must put on the wire, what the server answers, and what the caller gets back. */
export interface OperationCase {
  name: string;
  call: (client: ActorsClient) => Promise<unknown>;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the flavour's base path. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  camel: Reply;
  snake: Reply;
  expected: unknown;
}

export const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** The same result in both key cases (it has no service keys to convert). */
export const same = (result: unknown) => ({
  camel: envelope(result),
  snake: envelope(result),
  expected: result,
});
/**
 * A result written by a camelCase and by a snake_case server; both must parse to the camel one, or to `read` when
 * the client adds keys the server does not send (the seed's, derived or defaulted).
 */
export const cased = (c: unknown, s: unknown, read: unknown = c) => ({
  camel: envelope(c),
  snake: envelope(s),
  expected: read,
});
/** The service's answer to a delete: no result, read as an empty string. */
export const deleted = { camel: envelope(null), snake: envelope(null), expected: '' };

import type { KeyCase } from '@actorkit/api';
import { HttpError } from '../http/http-error.js';
import { parseBroadIso } from './broad-iso.js';
import { parsePyFloat } from './py-number.js';

/** How a filter compares a document's value with the query's (the service's Mongo operators). */
export type FilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin' | 'like' | 'nlike';

/** One condition on a document: the dotted path of a field, an operator, and the coerced value. */
export interface FieldCondition {
  /** The query key the condition came from, for messages. */
  key: string;
  path: string[];
  operator: FilterOperator;
  value: unknown;
}

/**
 * Operator suffixes, found by substring (not only at the end of the key) and tried in this order, as the service
 * does; `.between` becomes a `gte` and an `lte`. No suffix means equality.
 */
const SUFFIXES: readonly (readonly [string, FilterOperator | 'between'])[] = [
  ['.neq', 'ne'],
  ['.eq', 'eq'],
  ['.lte', 'lte'],
  ['.lt', 'lt'],
  ['.gte', 'gte'],
  ['.gt', 'gt'],
  ['.nin', 'nin'],
  ['.in', 'in'],
  ['.between', 'between'],
  ['.nlike', 'nlike'],
  ['.like', 'like'],
];

/** A key containing one of these names takes a datetime value (`broad_ISO_to_datetime`). */
export const DATETIME_KEY_NAMES = [
  'start_time',
  'message_received_time',
  'last_execution_time',
  'last_update_time',
  'StartedAt',
  'FinishedAt',
  'create_time',
  'last_health_check_time',
] as const;

/** Query parameters that are not field filters. */
export const RESERVED_PARAMS = new Set(['search', 'exactsearch', 'skip', 'limit', 'x-nonce']);

export const DATETIME_FORMAT_TEXT = 'Inputted datetime was in an incorrect format...';
export const BETWEEN_COMMA_TEXT = 'Between must have two variables seperated by a comma...';
export const BETWEEN_TYPES_TEXT = 'The values given to .between should be either float or ISO 8601 datetime.';

const DATETIME_ADVICE =
  'use ISO 8601, from YYYY up to YYYY-MM-DDTHH:MM:SS.ffffff, optionally with Z or an offset such as +05:00';

/** `camelCase` to `snake_case`, as the service converts a camel-mode key's first dotted segment. */
export function camelToUnder(segment: string): string {
  return segment.replace(/(?<!^)(?=[A-Z])/g, '_').toLowerCase();
}

/** The key as the service reads it: in camel mode, the first dotted segment converted to snake case. */
export function normalizeKey(key: string, keyCase: KeyCase): string {
  if (keyCase !== 'camel') return key;
  const dot = key.indexOf('.');
  return dot === -1 ? camelToUnder(key) : camelToUnder(key.slice(0, dot)) + key.slice(dot);
}

function isDatetimeKey(key: string): boolean {
  return DATETIME_KEY_NAMES.some((name) => key.includes(name));
}

function datetimeOf(key: string, raw: string): Date {
  const date = parseBroadIso(raw);
  if (!date) {
    throw HttpError.badRequest(`${DATETIME_FORMAT_TEXT} Received: ${raw} (for ${key}); ${DATETIME_ADVICE}`);
  }
  return date;
}

/**
 * A query value as the service coerces it: `true`/`false`/`none` (any case), then a datetime when the key names a
 * time field, then a float, then JSON (with `'` read as `"`), else the string itself.
 */
export function coerceValue(key: string, raw: string): unknown {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'none') return null;
  if (isDatetimeKey(key)) return datetimeOf(key, raw);
  const number = parsePyFloat(raw);
  if (number !== null) return number;
  try {
    return JSON.parse(raw.replace(/'/g, '"')) as unknown;
  } catch (notJson) {
    void notJson; // not JSON: the raw string is the value
    return raw;
  }
}

/** `a,b` of a `.between`: two floats or two datetimes. */
function betweenBounds(key: string, raw: string): [number | Date, number | Date] {
  const parts = raw.split(',');
  if (parts.length !== 2) {
    throw HttpError.badRequest(
      `${BETWEEN_COMMA_TEXT} Received: ${raw} (for ${key}); e.g. ${key}=2020-01-01,2020-12-31 or ${key}=1,10`,
    );
  }
  const [a, b] = parts as [string, string];
  const fa = parsePyFloat(a);
  const fb = parsePyFloat(b);
  if (fa !== null && fb !== null) return [fa, fb];
  const da = parseBroadIso(a);
  const db = parseBroadIso(b);
  if (da && db) return [da, db];
  throw HttpError.badRequest(`${BETWEEN_TYPES_TEXT} Received: ${raw} (for ${key})`);
}

function regexOf(key: string, raw: string): RegExp {
  try {
    return new RegExp(raw);
  } catch (cause) {
    throw HttpError.badRequest(
      `${key}: ${raw} is not a valid regular expression (${(cause as Error).message}); .like and .nlike take a JavaScript regular expression, unanchored and case-sensitive`,
      cause,
    );
  }
}

function pathOf(field: string): string[] {
  return field.split('.');
}

/**
 * One query parameter as conditions. `key` is already normalized (snake case where it applies). The operator is
 * the first suffix of the list found anywhere in the key; the field is what precedes it.
 */
export function conditionsFor(key: string, raw: string): FieldCondition[] {
  const found = SUFFIXES.find(([suffix]) => key.includes(suffix));
  if (!found) return [{ key, path: pathOf(key), operator: 'eq', value: coerceValue(key, raw) }];
  const [suffix, operator] = found;
  const path = pathOf(key.slice(0, key.indexOf(suffix)));
  if (operator === 'between') {
    const [low, high] = betweenBounds(key, raw);
    return [
      { key, path, operator: 'gte', value: low },
      { key, path, operator: 'lte', value: high },
    ];
  }
  if (operator === 'like' || operator === 'nlike') {
    return [{ key, path, operator, value: regexOf(key, raw) }];
  }
  const value = coerceValue(key, raw);
  if ((operator === 'in' || operator === 'nin') && !Array.isArray(value)) {
    throw HttpError.badRequest(
      `$${operator} needs an array; ${key} got ${raw}: send a list, e.g. ${key}=["A","B"] or ${key}=['A','B']`,
    );
  }
  return [{ key, path, operator, value }];
}

/** Every field filter of a query: the parameters other than the reserved ones, in their order. */
export function fieldConditions(
  params: readonly (readonly [string, string])[],
  keyCase: KeyCase,
): FieldCondition[] {
  return params
    .filter(([key]) => !RESERVED_PARAMS.has(key))
    .flatMap(([key, raw]) => conditionsFor(normalizeKey(key, keyCase), raw));
}

import type { FieldCondition } from './field-filters.js';

/**
 * Matching a stored document against field conditions, with Mongo's rules where they show: values compare only
 * with values of their own kind (numbers with numbers, datetimes as instants, strings with strings); a missing field
 * reads as null; a condition on an array field holds when it holds for the whole array or for one of its elements;
 * `ne`, `nin` and `nlike` are the negations of `eq`, `in` and `like`, so they also hold for missing fields.
 */

type Kind = 'null' | 'number' | 'string' | 'boolean' | 'date' | 'array' | 'object' | 'other';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'array';
  return isPlainObject(value) ? 'object' : 'other';
}

function sameValue(a: unknown, b: unknown): boolean {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case 'null':
      return true;
    case 'date':
      return (a as Date).getTime() === (b as Date).getTime();
    case 'array': {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
    }
    case 'object': {
      // Mongo compares embedded documents field by field, in order.
      const x = Object.entries(a as Record<string, unknown>);
      const y = Object.entries(b as Record<string, unknown>);
      return (
        x.length === y.length &&
        x.every(([k, v], i) => y[i] !== undefined && y[i][0] === k && sameValue(v, y[i][1]))
      );
    }
    default:
      return a === b;
  }
}

/** Negative, zero or positive; undefined when the two are not of one comparable kind. */
function compare(a: unknown, b: unknown): number | undefined {
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return undefined;
  switch (kind) {
    case 'null':
      return 0;
    case 'number':
      return (a as number) - (b as number);
    case 'boolean':
      return Number(a) - Number(b);
    case 'date':
      return (a as Date).getTime() - (b as Date).getTime();
    case 'string':
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    default:
      return sameValue(a, b) ? 0 : undefined;
  }
}

/** The values a dotted path reaches: through objects, and through arrays element by element (or by index). */
export function resolvePath(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) {
      const index = Number(head);
      return index < value.length ? resolvePath(value[index], rest) : [];
    }
    return value.flatMap((element) => (isPlainObject(element) ? resolvePath(element, path) : []));
  }
  if (isPlainObject(value) && Object.hasOwn(value, head)) return resolvePath(value[head], rest);
  return [];
}

function holds(condition: FieldCondition, candidate: unknown): boolean {
  const { operator, value } = condition;
  const order = () => compare(candidate, value);
  switch (operator) {
    case 'eq':
      return sameValue(candidate, value);
    case 'in':
      return (value as unknown[]).some((v) => sameValue(candidate, v));
    case 'like':
      return typeof candidate === 'string' && (value as RegExp).test(candidate);
    case 'lt': {
      const c = order();
      return c !== undefined && c < 0;
    }
    case 'lte': {
      const c = order();
      return c !== undefined && c <= 0;
    }
    case 'gt': {
      const c = order();
      return c !== undefined && c > 0;
    }
    case 'gte': {
      const c = order();
      return c !== undefined && c >= 0;
    }
    default:
      throw new Error(`holds() called with the negated operator ${operator}`);
  }
}

const NEGATED = { ne: 'eq', nin: 'in', nlike: 'like' } as const;

function positiveMatch(doc: Record<string, unknown>, condition: FieldCondition): boolean {
  const found = resolvePath(doc, condition.path);
  const candidates = found.length === 0 ? [null] : found;
  return candidates.some(
    (c) => holds(condition, c) || (Array.isArray(c) && c.some((element) => holds(condition, element))),
  );
}

/** Whether the document satisfies one condition. */
export function matchesCondition(doc: Record<string, unknown>, condition: FieldCondition): boolean {
  const op = condition.operator;
  if (op === 'ne' || op === 'nin' || op === 'nlike') {
    return !positiveMatch(doc, { ...condition, operator: NEGATED[op] });
  }
  return positiveMatch(doc, condition);
}

/** Whether the document satisfies every condition (they are ANDed). */
export function matchesAll(doc: Record<string, unknown>, conditions: readonly FieldCondition[]): boolean {
  return conditions.every((c) => matchesCondition(doc, c));
}

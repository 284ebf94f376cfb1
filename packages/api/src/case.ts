/**
 * The service writes keys in camelCase or snake_case, a server setting. These helpers convert whole response
 * bodies, leaving user data alone: the keys inside environments, state, messages, permissions (user names) and
 * Docker's state object are the user's or Docker's, not the service's.
 */
export type KeyCase = 'camel' | 'snake';

/** Values under these keys are passed through untouched. */
const OPAQUE_KEYS = new Set([
  'defaultEnvironment',
  'default_environment',
  'state',
  'msg',
  'message',
  'permissions',
  'finalState',
  'final_state',
  '_links',
]);

export function snakeToCamel(key: string): string {
  if (key.startsWith('_')) return key;
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function camelToSnake(key: string): string {
  if (key.startsWith('_')) return key;
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function convert(value: unknown, keyFn: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v, keyFn));
  if (value === null || typeof value !== 'object') return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[keyFn(k)] = OPAQUE_KEYS.has(k) ? v : convert(v, keyFn);
  }
  return out;
}

/** Deep-converts a body's keys to camelCase, leaving user data alone. */
export function toCamelKeys<T = unknown>(value: unknown): T {
  return convert(value, snakeToCamel) as T;
}

/** Deep-converts a body's keys to snake_case, leaving user data alone. */
export function toSnakeKeys<T = unknown>(value: unknown): T {
  return convert(value, camelToSnake) as T;
}

export function toKeyCase<T = unknown>(value: unknown, keyCase: KeyCase): T {
  return keyCase === 'snake' ? toSnakeKeys<T>(value) : toCamelKeys<T>(value);
}

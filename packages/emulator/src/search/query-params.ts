import type { Request } from 'express';

/**
 * The request's query parameters in their order, each with its first value, as the service reads them (Werkzeug's
 * `request.args`). Read from the raw URL so that no query parser reshapes the keys (`a[b]`, `a.b` stay as sent).
 */
export function queryParams(req: Request): [string, string][] {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const params = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const first = new Map<string, string>();
  for (const [key, value] of params) if (!first.has(key)) first.set(key, value);
  return [...first];
}

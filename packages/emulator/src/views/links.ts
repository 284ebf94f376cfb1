import type { Request } from 'express';

/**
 * The service's api server for the request: the emulator's own scheme and host (clients and containers must reach
 * it), where the real service names the tenant's api server.
 */
export function apiServer(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** A link as the service builds it: always `{api_server}/actors/v2/...`, whatever base the request used. */
export function actorsUrl(req: Request, path = ''): string {
  return `${apiServer(req)}/actors/v2${path}`;
}

/** `{api_server}/profiles/v2/{user}`. */
export function profileUrl(req: Request, user: string): string {
  return `${apiServer(req)}/profiles/v2/${encodeURIComponent(user)}`;
}

/** The base URL the request used, e.g. `http://127.0.0.1:8000/actors/v2` (for advice in messages, not links). */
export function apiBase(req: Request): string {
  return `${apiServer(req)}${req.baseUrl}`;
}

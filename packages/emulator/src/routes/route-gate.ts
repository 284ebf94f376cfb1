import type { Request, RequestHandler, Router } from 'express';
import { HttpError } from '../http/http-error.js';

/** The service's answer to a path no rule matches, or a method no matching rule serves (`auth.py`, §1.3). */
export const NO_ROUTE_TEXT =
  'Invalid request: the API endpoint does not exist or the provided HTTP method is not allowed.';

/**
 * Paths that nginx sends to the admin app (`^/actors/admin`, case-insensitive): only the admin app's rules serve
 * them, so an actor or alias whose name begins with `admin` answers 405 on every other route, as in production.
 */
const ADMIN_PREFIX = /^\/admin/i;
const ADMIN_APP_ROUTES = new Set([
  '/admin',
  '/admin/workers',
  '/admin/executions',
  '/:actorId/permissions',
  '/:actorId/workers',
  '/:actorId/workers/:workerId',
]);

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): unknown;
}

/** The methods the router's routes serve on a path (GET implies HEAD). */
export function methodsServed(router: Router, path: string): Set<string> {
  const admin = ADMIN_PREFIX.test(path);
  const served = new Set<string>();
  for (const layer of router.stack as unknown as RouteLayer[]) {
    const route = layer.route;
    if (!route || !layer.match(path)) continue;
    if (admin && !ADMIN_APP_ROUTES.has(route.path)) continue;
    for (const [method, on] of Object.entries(route.methods)) {
      if (on && method !== '_all') served.add(method.toUpperCase());
    }
  }
  if (served.has('GET')) served.add('HEAD');
  return served;
}

function noRoute(req: Request, served: Set<string>): HttpError {
  const allow = [...served].filter((m) => m !== 'HEAD');
  const advice = allow.length
    ? ` ${req.method} is not served on ${req.baseUrl}${req.path}; it serves ${allow.join(', ')}.`
    : ` No route matches ${req.baseUrl}${req.path}; see docs/emulator.md for the routes.`;
  return new HttpError(405, `${NO_ROUTE_TEXT}${advice}`, {
    headers: allow.length ? { Allow: [...allow, 'OPTIONS'].join(', ') } : {},
  });
}

/**
 * Answers 405 before authentication when no route serves the request's path and method, as the service checks
 * `request.url_rule` before it looks at credentials.
 */
export function routeGate(router: Router): RequestHandler {
  return (req, _res, next) => {
    const served = methodsServed(router, req.path);
    if (!served.has(req.method)) throw noRoute(req, served);
    next();
  };
}

/** The router's last handler: a request that passed the gate but that no route answered. */
export function unansweredRoute(router: Router): RequestHandler {
  return (req) => {
    throw noRoute(req, methodsServed(router, req.path));
  };
}

import type { RequestHandler, Router } from 'express';
import { HttpError } from '../http/http-error.js';

export type Method = 'get' | 'post' | 'put' | 'delete';
export type MethodHandlers = Partial<Record<Method, RequestHandler | RequestHandler[]>>;

/** Registers a path's methods; any other method on it answers 405 with an Allow header. */
export function defineRoute(router: Router, path: string, handlers: MethodHandlers): void {
  const route = router.route(path);
  const allowed: string[] = [];
  for (const method of ['get', 'post', 'put', 'delete'] as const) {
    const h = handlers[method];
    if (!h) continue;
    route[method](...(Array.isArray(h) ? h : [h]));
    allowed.push(method.toUpperCase());
  }
  route.all((req) => {
    throw HttpError.methodNotAllowed(req.method, req.baseUrl + req.path, allowed);
  });
}

import type { RequestHandler, Router } from 'express';

export type Method = 'get' | 'post' | 'put' | 'delete';
export type MethodHandlers = Partial<Record<Method, RequestHandler | RequestHandler[]>>;

/**
 * Registers a path's methods. A method the path does not serve falls through to the later routes, as Werkzeug
 * tries the next rule that matches (`PUT /configs` is an update of an actor named `configs` there too); when none
 * serves it, the route gate answers 405 (`route-gate.ts`).
 */
export function defineRoute(router: Router, path: string, handlers: MethodHandlers): void {
  const route = router.route(path);
  for (const method of ['get', 'post', 'put', 'delete'] as const) {
    const h = handlers[method];
    if (!h) continue;
    route[method](...(Array.isArray(h) ? h : [h]));
  }
}

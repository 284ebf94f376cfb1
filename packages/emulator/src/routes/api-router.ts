import { Router } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { EmulatorContext } from '../context.js';
import { registerActorRoutes } from './actors-routes.js';
import { registerAliasRoutes } from './aliases-routes.js';
import { registerConfigRoutes } from './configs-routes.js';
import { registerExecutionRoutes } from './executions-routes.js';
import { registerMessageRoutes } from './messages-routes.js';
import { registerNonceRoutes } from './nonces-routes.js';
import { registerPermissionRoutes } from './permissions-routes.js';
import { registerSearchRoutes } from './search-routes.js';
import { registerStateRoutes } from './state-routes.js';
import { registerWorkerRoutes } from './workers-routes.js';
import { routeGate, unansweredRoute } from './route-gate.js';
import { registerUtilizationRoutes } from './utilization-routes.js';

/**
 * The API served under each base path. A path or method no route serves is a 405 before authentication (the
 * service checks the URL rule first). Search, config, utilization and alias routes come first: `/search`,
 * `/configs`, `/utilization` and `/aliases` are not actor ids.
 */
export function apiRouter(ctx: EmulatorContext): Router {
  const router = Router({ caseSensitive: true, strict: false });
  router.use(routeGate(router));
  router.use(authenticate(ctx.auth, ctx.store));
  registerSearchRoutes(router, ctx);
  registerConfigRoutes(router, ctx);
  registerUtilizationRoutes(router, ctx);
  registerAliasRoutes(router, ctx);
  registerPermissionRoutes(router, ctx);
  registerNonceRoutes(router, ctx);
  registerActorRoutes(router, ctx);
  registerMessageRoutes(router, ctx);
  registerStateRoutes(router, ctx);
  registerWorkerRoutes(router, ctx);
  registerExecutionRoutes(router, ctx);
  router.use(unansweredRoute(router));
  return router;
}

import { Router } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http/http-error.js';
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

/** The API served under each base path. Search, config and alias routes come first: `/search`, `/configs` and `/aliases` are not actor ids. */
export function apiRouter(ctx: EmulatorContext): Router {
  const router = Router({ caseSensitive: true, strict: false });
  router.use(authenticate(ctx.auth, ctx.store));
  registerSearchRoutes(router, ctx);
  registerConfigRoutes(router, ctx);
  registerAliasRoutes(router, ctx);
  registerPermissionRoutes(router, ctx);
  registerNonceRoutes(router, ctx);
  registerActorRoutes(router, ctx);
  registerMessageRoutes(router, ctx);
  registerStateRoutes(router, ctx);
  registerWorkerRoutes(router, ctx);
  registerExecutionRoutes(router, ctx);
  router.use((req) => {
    throw HttpError.notFound(
      `no route ${req.method} ${req.baseUrl}${req.path}; see docs/emulator.md for the routes`,
    );
  });
  return router;
}

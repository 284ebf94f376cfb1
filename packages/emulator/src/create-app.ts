import express, { type Express } from 'express';
import type { EmulatorContext } from './context.js';
import { jsonAndFormBodies } from './http/body-parsers.js';
import { dashboard } from './http/dashboard.js';
import { durableAnswers } from './http/durable-answers.js';
import { mergeSlashes } from './http/merge-slashes.js';
import { DEFAULT_ORIGIN_POLICY, originPolicy } from './http/origin-policy.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { apiRouter } from './routes/api-router.js';

/** The three bases the real service's clients use: agavepy (v2), Tapis v3, and the service's own route table. */
export const BASE_PATHS = ['/actors/v2', '/v3/actors', '/actors'] as const;

/** The Express app: logging, CORS, bodies, the API under every base, and one error handler. */
export function createApp(ctx: EmulatorContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(mergeSlashes());
  app.use(requestLog());
  app.use(originPolicy(ctx.originPolicy ?? DEFAULT_ORIGIN_POLICY));
  app.use(dashboard(ctx));
  if (ctx.store.onDisk) app.use(durableAnswers(ctx.store));
  app.use(...jsonAndFormBodies(ctx.limits));
  const router = apiRouter(ctx);
  for (const base of BASE_PATHS) app.use(base, router);
  app.use(notFound());
  app.use(errorHandler());
  return app;
}

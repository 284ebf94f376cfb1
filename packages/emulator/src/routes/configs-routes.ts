import { ConfigDisplayListSchema, ConfigDisplaySchema, configNameProblem } from '@actorkit/api';
import type { Router } from 'express';
import { rejectNonce } from '../auth/authorize.js';
import { identityOf, isAdmin } from '../auth/identity.js';
import {
  checkConfigActors,
  configParam,
  levelOnConfig,
  requireConfigLevel,
} from '../configs/config-access.js';
import { parseConfigRequest } from '../configs/config-request.js';
import { configView } from '../configs/config-view.js';
import type { EmulatorContext } from '../context.js';
import { reply, replyNull } from '../http/envelope.js';
import { HttpError } from '../http/http-error.js';
import { configTarget } from '../store/store.js';
import { defineRoute } from './define-route.js';
import { permissionHandlers } from './permissions-routes.js';

/**
 * `/configs`, `/configs/{name}` and `/configs/{name}/permissions` (fidelity §6). Configs live in the caller's
 * tenant. Unlike the service: the list shows only configs the caller may read, naming an actor needs UPDATE on it,
 * and non-admins get the checks the service means (READ to read, UPDATE otherwise) instead of its 500.
 */
export function registerConfigRoutes(router: Router, ctx: EmulatorContext): void {
  const { store } = ctx;

  defineRoute(router, '/configs', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const visible = store.configs
        .list(identity.tenant)
        .filter((c) => isAdmin(identity) || levelOnConfig(store, identity, c) !== 'NONE');
      reply(
        res,
        ctx,
        ConfigDisplayListSchema,
        visible.map(configView),
        'Actor Configs retrieved successfully.',
        'models',
      );
    },
    post: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const input = parseConfigRequest(req.body, req.query, ctx.keyCase);
      const problem = configNameProblem(input.name);
      if (problem) throw HttpError.badRequest(problem);
      checkConfigActors(ctx, identity, input.actors);
      const created = store.createConfig({
        tenant: identity.tenant,
        name: input.name,
        value: input.value,
        isSecret: input.isSecret,
        actors: input.actors,
        owner: identity.user,
        createTime: ctx.clock.now().toISOString(),
      });
      if (!created) {
        throw HttpError.badRequest(
          `Config ${input.name} already exists; please choose another name for your config`,
        );
      }
      reply(res, ctx, ConfigDisplaySchema, configView(created), 'Actor config created successfully.');
    },
  });

  defineRoute(router, '/configs/:name', {
    get: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const config = configParam(ctx, req, identity);
      requireConfigLevel(store, identity, config, 'READ');
      reply(res, ctx, ConfigDisplaySchema, configView(config), 'Config retrieved successfully.');
    },
    put: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const config = configParam(ctx, req, identity);
      requireConfigLevel(store, identity, config, 'UPDATE');
      // every field is required again; the name in the path wins over the body's
      const input = parseConfigRequest(req.body, req.query, ctx.keyCase);
      checkConfigActors(ctx, identity, input.actors);
      const updated = store.configs.replace(config.tenant, config.name, input);
      if (!updated) throw HttpError.notFound(`No config found: ${config.name}.`);
      reply(res, ctx, ConfigDisplaySchema, configView(updated), 'Actor config updated successfully.');
    },
    delete: (req, res) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const config = configParam(ctx, req, identity);
      requireConfigLevel(store, identity, config, 'UPDATE');
      store.deleteConfig(config.tenant, config.name);
      replyNull(res, `Actor config ${config.name} deleted successfully.`);
    },
  });

  // the shared permission document code: READ to read it, UPDATE to change it, on the caller's tenant's config
  defineRoute(
    router,
    '/configs/:name/permissions',
    permissionHandlers(ctx, (req, needed) => {
      const identity = identityOf(req);
      rejectNonce(identity, 'actor configs');
      const config = configParam(ctx, req, identity);
      requireConfigLevel(store, identity, config, needed);
      return { kind: 'config', target: configTarget(config) };
    }),
  );
}

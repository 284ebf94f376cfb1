import { UtilizationSchema } from '@actorkit/api';
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import { reply } from '../http/envelope.js';
import { defineRoute } from './define-route.js';

/**
 * `GET /utilization` (fidelity §1.2): the emulator's own counts. `totalActors` counts the actors that exist now (the
 * service sums its daily metric documents), and `commandQueue` is 0: the emulator has no spawner queue.
 */
export function registerUtilizationRoutes(router: Router, ctx: EmulatorContext): void {
  defineRoute(router, '/utilization', {
    get: (_req, res) => {
      const actors = ctx.store.actors.all();
      const workers = actors.reduce((n, a) => n + ctx.store.workers.listForActor(a.id).length, 0);
      reply(
        res,
        ctx,
        UtilizationSchema,
        { currentActors: actors.length, totalActors: actors.length, workers, commandQueue: 0 },
        'Abaco utilization returned successfully.',
        'verbatim',
      );
    },
  });
}

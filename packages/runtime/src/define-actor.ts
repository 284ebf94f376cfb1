import type { z } from 'zod';
import type { Actor, ActorDefinition } from './actor-types.js';
import { callerFile, isProcessEntry } from './entry-point.js';
import { processPlatform } from './process-platform.js';
import { runActor } from './run-actor.js';

/**
 * Defines an actor: the schemas of its message and state, and a handler given both, typed. The module that calls
 * `defineActor` runs the actor when it is the program (`node dist/actor.mjs`, the container's command) and does
 * nothing when imported (by a test), so export the actor and test it with `@actorkit/testing`.
 *
 * The handler may return `{ state }` (stored through the API) and `{ result }` / `{ results }` (sent to the results
 * socket). Exit codes: 0 done; 1 the handler threw or a platform call failed; 2 the environment, message or state was
 * missing or invalid. The error goes to stderr, a one-line summary to stdout.
 *
 * @example
 * export default defineActor({
 *   message: z.object({ add: z.number().int() }),
 *   state: z.object({ count: z.number().int().default(0) }),
 *   handler: ({ message, state }) => ({ state: { count: state.count + message.add } }),
 * });
 */
export function defineActor<M extends z.ZodType = z.ZodUnknown, S extends z.ZodType = z.ZodUnknown>(
  definition: ActorDefinition<M, S>,
): Actor<z.output<M>, z.output<S>> {
  let started = false;
  const actor: Actor<z.output<M>, z.output<S>> = {
    kind: 'actorkit.actor',
    run: (platform) => runActor(definition, platform),
    async main() {
      if (started) return process.exitCode === undefined ? 0 : Number(process.exitCode);
      started = true;
      const outcome = await runActor(definition, processPlatform());
      process.exitCode = outcome.exitCode;
      return outcome.exitCode;
    },
  };
  if (isProcessEntry(callerFile(defineActor))) {
    setImmediate(() => {
      if (!started) void actor.main();
    });
  }
  return actor;
}

/** True for an actor made by `defineActor`. */
export function isActor(value: unknown): value is Actor {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'actorkit.actor'
  );
}

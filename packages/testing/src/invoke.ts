import { ActorNonceSchema } from '@actorkit/api';
import { isActor, type Actor } from '@actorkit/runtime';
import { executionEnv } from './execution-env.js';
import { nextId } from './ids.js';
import { createInvocationResult, type InvocationResult } from './invocation-result.js';
import type { InvokeOptions } from './invoke-options.js';
import { memoryPlatform } from './memory-platform.js';

/**
 * Runs a `defineActor` actor once, in this process, with an in-memory platform: the environment the service would
 * give (MSG written as a Python literal, both content-type spellings, state, ids, token), results, state and API
 * calls kept in memory. No Docker, no network, no files: each call is independent of every other, concurrent ones too.
 *
 * @example
 * const run = await invoke(counter, { message: { add: 2 }, state: { count: 40 } });
 * expect(run.exitCode).toBe(0);
 * expect(run.state).toEqual({ count: 42 });
 */
export async function invoke<M, S>(
  actor: Actor<M, S>,
  options: InvokeOptions = {},
): Promise<InvocationResult> {
  if (!isActor(actor)) {
    throw new TypeError(
      'invoke() takes an actor made by defineActor(): import the module that defines it (its default export)',
    );
  }
  const identity = {
    actorId: options.actorId ?? 'TESTACTOR0001',
    executionId: options.executionId ?? nextId('EX'),
    username: options.username ?? 'testuser',
  };
  const env = executionEnv(options, identity);
  const platform = memoryPlatform(env, options, identity.username);
  for (const nonce of options.nonces ?? []) {
    const id = nonce.id ?? `DEV_${nextId('NC')}`;
    const maxUses = nonce.maxUses ?? -1;
    const stored = ActorNonceSchema.parse({
      ...nonce,
      id,
      actorId: identity.actorId,
      level: nonce.level ?? 'EXECUTE',
      maxUses,
      remainingUses: maxUses,
    });
    platform.record.nonces.set(id, stored);
  }
  const outcome = await actor.run(platform);
  const text = (stream?: 'stdout' | 'stderr') =>
    platform.output
      .filter((o) => stream === undefined || o.stream === stream)
      .map((o) => o.text)
      .join('');
  const { record } = platform;
  return createInvocationResult({
    exitCode: outcome.exitCode,
    ...(outcome.error ? { error: outcome.error } : {}),
    executionId: identity.executionId,
    state: record.state,
    stateUpdates: record.stateUpdates,
    results: platform.results,
    logs: text(),
    stdout: text('stdout'),
    stderr: text('stderr'),
    messagesSent: record.messagesSent,
    noncesCreated: record.noncesCreated,
    noncesDeleted: record.noncesDeleted,
    durationMs: outcome.durationMs,
  });
}

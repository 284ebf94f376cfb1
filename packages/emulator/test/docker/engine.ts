import { pingEngine } from '@actorkit/docker';

/**
 * Whether tests that need the Docker engine can run. In CI (`CI=true`) a missing engine is a failure, never a
 * silent skip: `requireEngine()` throws there.
 */
// A generous deadline: on a loaded machine the engine can take seconds to answer, and a false "down" fails CI.
export const engine = await pingEngine(10_000);

export const skipWithoutEngine = !engine.ok && process.env.CI !== 'true';

export function requireEngine(): void {
  if (!engine.ok) throw new Error(`these tests need a Docker engine: ${engine.message}`);
}

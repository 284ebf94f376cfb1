/**
 * The container tier: the seam it will fill, not an implementation.
 *
 * It will run an actor's image in a real container through the emulator's Docker executor (the same environment,
 * FIFO and results socket the real service provides), and answer the same `InvocationResult` as `invoke()`, so a
 * test can move from one tier to the other by changing one call. It is not written yet: it needs the Docker executor
 * of @actorkit/emulator. Only the types are settled here.
 */
import type { InvocationResult } from './invocation-result.js';
import type { InvokeOptions } from './invoke-options.js';

/** `invoke()`'s options, less what cannot cross into a container (`api` overrides run in the test's process). */
export interface ContainerInvokeOptions extends Omit<InvokeOptions, 'api'> {
  /** Stop the execution after this many milliseconds; it then ends with Docker's exit code. */
  timeoutMs?: number;
}

export interface ContainerTierOptions {
  /** The actor's image, already built (e.g. by the dev loop). */
  image: string;
  /** Extra bind mounts `host:container[:ro]`, e.g. freshly compiled code. */
  mounts?: string[];
}

/** One image ready to run executions; disposing it removes every container it started. */
export interface ContainerTier extends AsyncDisposable {
  invoke(options?: ContainerInvokeOptions): Promise<InvocationResult>;
}

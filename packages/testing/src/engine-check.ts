import { pingEngine } from '@actorkit/docker';

export interface EngineCheck {
  /** The engine answers. */
  ok: boolean;
  /** The engine's version, or what is wrong and how to fix it. */
  message: string;
  /** Skip container tests: the engine does not answer and this is not CI (`CI=true`), where that is a failure. */
  skip: boolean;
  /** The title with the reason appended when skipped, so a skipped run says why. */
  title(title: string): string;
  /** Throws when the engine does not answer: call it first in container tests, so CI fails loudly. */
  require(): void;
}

/**
 * Whether container tests can run: asks the Docker engine once. When it does not answer, tests are skipped with
 * the reason, except in CI, where `require()` fails them.
 *
 * @example
 * const engine = await checkEngine();
 * describe.skipIf(engine.skip)(engine.title('counter in a container'), () => {
 *   beforeAll(() => engine.require());
 * });
 */
export async function checkEngine(timeoutMs = 10_000): Promise<EngineCheck> {
  // a generous deadline: on a busy machine a healthy engine can take seconds to answer, and a skip hides tests
  const { ok, message } = await pingEngine(timeoutMs);
  const skip = !ok && process.env.CI !== 'true';
  return {
    ok,
    message,
    skip,
    title: (title) => (skip ? `${title} (skipped: ${message})` : title),
    require() {
      if (!ok) throw new Error(`these tests need a Docker engine: ${message}`);
    },
  };
}

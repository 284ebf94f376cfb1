/**
 * @actorkit/testing/containers: the container tier. Each invocation is a real message to an actor image, run by the
 * ActorKit emulator in Docker. It needs the packages an in-process project does not install: @actorkit/emulator,
 * @actorkit/project and @actorkit/docker (the `actorkit` CLI brings all three). When one is missing, importing this
 * entry fails with a message that says what to install.
 */
import { createRequire } from 'node:module';

export type {
  ContainerTier,
  ContainerTierOptions,
  ContainerInvokeOptions,
  EmulatorConnection,
} from './container-tier.js';
export type { TestEmulator, TestEmulatorOptions } from './test-emulator.js';
export type { EngineCheck } from './engine-check.js';
export { inContainer } from './in-container.js';
export { inProcess, type Invoker, type SharedInvokeOptions, type ContainerNonce } from './invoker.js';
export { ContainerTierError, ExecutionPlatformError } from './errors.js';

/** The optional peer dependencies the container tier needs. */
export const CONTAINER_TIER_PEERS = ['@actorkit/emulator', '@actorkit/project', '@actorkit/docker'] as const;

/** The container tier's peers that cannot be found from this package. */
export function missingPeers(from: string = import.meta.url): string[] {
  const require = createRequire(from);
  return CONTAINER_TIER_PEERS.filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
}

/** What to tell a user whose project lacks some of the container tier's peers. */
export function missingPeersMessage(missing: readonly string[]): string {
  return (
    `@actorkit/testing/containers runs actors in Docker through the ActorKit emulator, and needs ` +
    `${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Install the CLI, which brings ` +
    'them all: `npm i -D actorkit` (or the packages themselves: ' +
    `\`npm i -D ${CONTAINER_TIER_PEERS.join(' ')}\`). The in-process tier (\`import { invoke } from ` +
    "'@actorkit/testing'`) needs none of them."
  );
}

type Impl = typeof import('./containers-impl.js');

async function load(): Promise<Impl> {
  try {
    return await import('./containers-impl.js');
  } catch (cause) {
    const missing = missingPeers();
    if (missing.length) throw new Error(missingPeersMessage(missing), { cause });
    throw cause;
  }
}

const impl = await load();

/** Compiles an actor folder, gets its image and answers a tier that runs each invocation as a real message. */
export const containerActor: Impl['containerActor'] = impl.containerActor;
/** Starts an emulator for tests in this process (Docker executor by default). */
export const startEmulator: Impl['startEmulator'] = impl.startEmulator;
/** Runs `fn` with a fresh emulator and disposes it afterwards. */
export const withEmulator: Impl['withEmulator'] = impl.withEmulator;
/** A vitest globalSetup: one emulator for the run, provided as `inject('actorkitEmulator')`. */
export const emulatorGlobalSetup: Impl['emulatorGlobalSetup'] = impl.emulatorGlobalSetup;
export const EMULATOR_PROVIDE_KEY: Impl['EMULATOR_PROVIDE_KEY'] = impl.EMULATOR_PROVIDE_KEY;
/** Asks the Docker engine whether container tests can run (skipped off CI when it does not answer). */
export const checkEngine: Impl['checkEngine'] = impl.checkEngine;
export const TIER_IMAGE_REPO: Impl['TIER_IMAGE_REPO'] = impl.TIER_IMAGE_REPO;

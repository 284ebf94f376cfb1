import type {} from 'vitest'; // the module ProvidedContext is augmented in
import type { TestProject } from 'vitest/node';
import type { EmulatorConnection } from './container-tier.js';
import { startEmulator, type TestEmulatorOptions } from './test-emulator.js';

/** The key under which `emulatorGlobalSetup` provides the emulator: `inject('actorkitEmulator')` in test files. */
export const EMULATOR_PROVIDE_KEY = 'actorkitEmulator';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `emulatorGlobalSetup` from @actorkit/testing. */
    actorkitEmulator: EmulatorConnection;
  }
}

/**
 * A vitest `globalSetup` that starts one emulator for the whole run and provides how to reach it, so test files in
 * thread or fork workers share it instead of starting their own. The emulator stops when the run ends.
 *
 * @example
 * // test/global-setup.ts
 * export default emulatorGlobalSetup();
 * // vitest.config.ts: test: { globalSetup: ['test/global-setup.ts'] }
 * // a test file:
 * await using tier = await containerActor(dir, { emulator: inject('actorkitEmulator') });
 */
export function emulatorGlobalSetup(options: TestEmulatorOptions = {}) {
  return async function setup(project: TestProject): Promise<() => Promise<void>> {
    const emulator = await startEmulator(options);
    project.provide(EMULATOR_PROVIDE_KEY, emulator.connection);
    return () => emulator.dispose();
  };
}

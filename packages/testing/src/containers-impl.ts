/**
 * The container tier's implementation, loaded by `containers.ts` once its peer packages are known to be there.
 * Everything here may import @actorkit/emulator, @actorkit/project and @actorkit/docker.
 */
export { containerActor } from './container-actor.js';
export { startEmulator, withEmulator } from './test-emulator.js';
export { emulatorGlobalSetup, EMULATOR_PROVIDE_KEY } from './global-setup.js';
export { checkEngine } from './engine-check.js';
export { TIER_IMAGE_REPO } from './actor-image.js';

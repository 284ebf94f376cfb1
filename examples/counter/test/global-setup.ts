import { emulatorGlobalSetup } from '@actorkit/testing/containers';

/** One emulator with the Docker executor for the whole run; test files reach it with inject('actorkitEmulator'). */
export default emulatorGlobalSetup();

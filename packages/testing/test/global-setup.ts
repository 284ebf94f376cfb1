import { emulatorGlobalSetup } from '../src/containers.js';

/** One emulator (Docker executor) for the whole run; test files reach it with inject('actorkitEmulator'). */
export default emulatorGlobalSetup();

import { fileURLToPath } from 'node:url';

/** The probe actor's folder, for containerActor(). */
export const PROBE_DIR = fileURLToPath(new URL('../fixtures/probe', import.meta.url));
export const BIG_RESULT_DIR = fileURLToPath(new URL('../fixtures/big-result', import.meta.url));

import { EXTRA_CASES } from './extra-cases.js';
import { SEED_CASES } from './seed-cases.js';

export { ALL_BYTES, type OperationCase } from './operation-case.js';
export { EXTRA_CASES } from './extra-cases.js';
export { SEED_CASES } from './seed-cases.js';

/** Every client operation: the seed's 25 first, then the real service's extras. */
export const ALL_CASES = [...SEED_CASES, ...EXTRA_CASES];

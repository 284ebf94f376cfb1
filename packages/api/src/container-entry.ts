/**
 * `@actorkit/api/container`: what code inside an actor's container needs at start-up — the environment names,
 * paths and limits of the contract, the Python-literal reader and writer, the API base paths — without the schemas
 * and the client, so that importing it does not load zod. `@actorkit/runtime` imports this at start-up and the
 * client (`@actorkit/api`) only when an execution first calls the API.
 */
export * from './container.js';
export * from './python-literal.js';
export { FLAVOUR_BASE_PATHS } from './transport.js';

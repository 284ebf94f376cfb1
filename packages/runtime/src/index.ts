export { defineActor, isActor } from './define-actor.js';
export type { Actor, ActorDefinition, HandlerContext, HandlerResult, RunOutcome } from './actor-types.js';
export { runActor } from './run-actor.js';
export { getContext, getMessage, getState, getBinaryMessage } from './context-functions.js';
export {
  sendResult,
  updateState,
  sendMessage,
  createNonce,
  listNonces,
  deleteNonce,
} from './service-functions.js';
export { readContext, userEnvironment, type ActorContext } from './context.js';
export { apiSettings, isJwt, API_FLAVOUR_ENV } from './credentials.js';
export { encodeResult, type ResultValue, type JsonValue } from './result-encoding.js';
export type { NonceOptions } from './execution.js';
export type { Platform, LogSink, ActorsApi } from './platform.js';
export { processPlatform, type ProcessPlatformOptions } from './process-platform.js';
export { readBinaryPipe, type BinaryPipeOptions } from './binary-pipe.js';
export {
  ActorEnvironmentError,
  ActorInputError,
  ActorOutputError,
  BinaryMessageError,
  ResultError,
  exitCodeOf,
  type FieldIssue,
} from './errors.js';

import type { ActorMessageResponse, ActorNonce, MessageBody, MessageEnvironment } from '@actorkit/api';
import { currentExecution } from './current-execution.js';
import type { NonceOptions } from './execution.js';
import type { ResultValue } from './result-encoding.js';

/**
 * Sends one result: bytes as they are, a string as UTF-8, any other JSON value as JSON text. At most 131,072
 * bytes; a larger one fails with `ResultError` before anything is sent.
 *
 * @example
 * await sendResult({ sha256: digest });
 */
export function sendResult(value: ResultValue): Promise<void> {
  return currentExecution().sendResult(value);
}

/**
 * Replaces the actor's state (stateful actors). The next execution sees it; this one keeps the state it started with.
 *
 * @example
 * await updateState({ count: count + 1 });
 */
export function updateState(value: unknown): Promise<void> {
  return currentExecution().updateState(value);
}

/**
 * Sends a message to another actor (by id or alias): a string (content type str), any JSON value, or bytes (binary).
 * `environment` becomes the other execution's variables.
 *
 * @example
 * const { executionId } = await sendMessage('worker-alias', { item: 3 }, { PRIORITY: 'high' });
 */
export function sendMessage(
  actorIdOrAlias: string,
  message: MessageBody | Uint8Array,
  environment: MessageEnvironment = {},
): Promise<ActorMessageResponse> {
  return currentExecution().sendMessage(actorIdOrAlias, message, environment);
}

/**
 * Creates a nonce on this actor: a token-free way for someone else to call it, `maxUses` times (-1: unlimited).
 *
 * @example
 * const nonce = await createNonce({ level: 'EXECUTE', maxUses: 3 });
 * // share `${apiServer}/actors/v2/${actorId}/messages?x-nonce=${nonce.id}`
 */
export function createNonce(options: NonceOptions = {}): Promise<ActorNonce> {
  return currentExecution().createNonce(options);
}

/**
 * This actor's nonces.
 *
 * @example
 * const unused = (await listNonces()).filter((n) => n.currentUses === 0);
 */
export function listNonces(): Promise<ActorNonce[]> {
  return currentExecution().listNonces();
}

/**
 * Deletes one of this actor's nonces.
 *
 * @example
 * await deleteNonce(nonce.id);
 */
export function deleteNonce(nonceId: string): Promise<void> {
  return currentExecution().deleteNonce(nonceId);
}

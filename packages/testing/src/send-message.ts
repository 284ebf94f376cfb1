import { ActorMessageResponseSchema, RESERVED_ENV_NAMES, type ActorsClient } from '@actorkit/api';
import type { ContainerInvokeOptions, EmulatorConnection } from './container-tier.js';

/** Query parameters the service reads itself: they can never reach the actor as variables. */
const CONTROL_PARAMS = new Set(['message', 'x-nonce', '_abaco_synchronous']);

function queryEnv(env: ContainerInvokeOptions['env'] = {}): Record<string, string> {
  for (const key of Object.keys(env)) {
    if (RESERVED_ENV_NAMES.has(key)) throw new TypeError(`invoke: env.${key} is set by the platform`);
    if (CONTROL_PARAMS.has(key))
      throw new TypeError(`invoke: env.${key} is a query parameter the service reads itself`);
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

/** A JSON string as an application/json message: the client would wrap it as `{message}` (a str message). */
async function sendJsonString(
  emulator: EmulatorConnection,
  actorId: string,
  text: string,
  env: Record<string, string>,
): Promise<string> {
  const query = new URLSearchParams(env).toString();
  const url = `${emulator.url}/actors/v2/${encodeURIComponent(actorId)}/messages${query ? `?${query}` : ''}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(text),
  });
  const body = (await response.json()) as { result?: unknown; message?: string };
  if (!response.ok) throw new Error(`POST ${url} failed (${response.status}): ${body.message ?? ''}`);
  return ActorMessageResponseSchema.parse(body.result).executionId;
}

/**
 * Sends the invocation's message as a client of the service would: a string as `str`, bytes as
 * `application/octet-stream`, any other value as `application/json`; `env` as query parameters. Answers the
 * execution id.
 */
export async function sendInvocationMessage(
  client: ActorsClient,
  emulator: EmulatorConnection,
  actorId: string,
  options: ContainerInvokeOptions,
): Promise<string> {
  const env = queryEnv(options.env);
  const { binary, contentType } = options;
  if (binary !== undefined) {
    if (options.message !== undefined)
      throw new TypeError('invoke: give either `message` or `binary`, not both');
    if (contentType && contentType !== 'application/octet-stream') {
      throw new TypeError(`invoke: a binary message cannot be sent as ${contentType}`);
    }
    return (await client.sendBinaryMessage(actorId, binary, env)).executionId;
  }
  if (contentType === 'application/octet-stream') throw new TypeError('invoke: pass the bytes as `binary`');
  const message = options.message ?? '';
  if (contentType === 'str' || (contentType === undefined && typeof message === 'string')) {
    return (await client.sendMessage(actorId, String(message), env)).executionId;
  }
  if (typeof message === 'string') return sendJsonString(emulator, actorId, message, env);
  return (await client.sendMessage(actorId, message as Record<string, unknown>, env)).executionId;
}

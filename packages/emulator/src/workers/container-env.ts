import { ABACO_ENV, ACTORKIT_ENV, UNNAMED_ACTOR_NAME, toPythonLiteral } from '@actorkit/api';
import { jsonTextToPython } from '../domain/json-text-literal.js';
import type { ActorRecord, QueuedMessage } from '../store/records.js';

/** How JSON messages and state are written into `MSG` and `_abaco_actor_state`. */
export type MessageFormat = 'python' | 'json';

export interface EnvironmentInput {
  actor: ActorRecord;
  message: QueuedMessage;
  workerId: string;
  /** The URL the container reaches the API at. */
  apiServer: string;
  /** The execution's token; empty when the actor's `token` is false. */
  token: string;
  state: unknown;
  format: MessageFormat;
  jwtHeaderName: string;
  /** The configs delivered to this execution, `{name: value}`, secrets decrypted (`configs/actor-configs.ts`). */
  actorConfigs: Record<string, string>;
}

function literal(value: unknown, format: MessageFormat): string {
  return format === 'json' ? JSON.stringify(value) : toPythonLiteral(value);
}

/**
 * The message as `MSG` carries it: text as sent, nothing for binary, JSON as `repr(json.loads(text))` (from the text,
 * so `1.0`, big ints and key order survive) or, with the json format, as compact JSON.
 */
export function messageVariable(message: QueuedMessage, format: MessageFormat): string | undefined {
  if (message.contentType === 'application/octet-stream') return undefined;
  const text = message.body.toString('utf8');
  if (message.contentType === 'str') return text;
  return format === 'json' ? JSON.stringify(JSON.parse(text)) : jsonTextToPython(text);
}

/**
 * The full environment of one execution: the actor's defaultEnvironment, overridden by the message's query
 * parameters, overridden by the platform's own `_abaco_*` variables (which a user cannot forge).
 */
export function executionEnvironment(input: EnvironmentInput): Record<string, string> {
  const { actor, message } = input;
  const env: Record<string, string> = { ...actor.defaultEnvironment, ...message.env };
  delete env[ABACO_ENV.message];
  const msg = messageVariable(message, input.format);
  if (msg !== undefined) env[ABACO_ENV.message] = msg;
  const state = input.state === undefined || input.state === null ? {} : input.state;
  Object.assign(env, {
    // only this spelling: the service never sets `_abaco_Content-Type`, so code must not rely on it
    [ABACO_ENV.contentType]: message.contentType,
    [ABACO_ENV.executionId]: message.executionId,
    [ABACO_ENV.actorId]: actor.id,
    [ABACO_ENV.actorDbId]: `${actor.tenant}_${actor.id}`,
    [ABACO_ENV.actorName]: actor.name ?? UNNAMED_ACTOR_NAME,
    [ABACO_ENV.workerId]: input.workerId,
    [ABACO_ENV.username]: message.sender,
    [ABACO_ENV.containerRepo]: actor.image,
    [ABACO_ENV.actorRevision]: String(actor.revision),
    [ABACO_ENV.apiServer]: input.apiServer,
    [ABACO_ENV.accessToken]: input.token,
    [ABACO_ENV.jwtHeaderName]: input.jwtHeaderName,
    [ABACO_ENV.actorState]: literal(state, input.format),
    // always a Python dict literal, as docker-py writes the service's dict (`str()`), whatever the message format
    [ABACO_ENV.actorConfigs]: toPythonLiteral(input.actorConfigs),
  });
  if (input.format === 'json') env[ACTORKIT_ENV.messageFormat] = 'json';
  return env;
}

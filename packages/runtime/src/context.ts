import {
  ABACO_ENV,
  MESSAGE_CONTENT_TYPES,
  RESERVED_ENV_NAMES,
  UNNAMED_ACTOR_NAME,
  type MessageContentType,
} from '@actorkit/api/container';
import { ActorEnvironmentError } from './errors.js';
import { parseStructured } from './message-text.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the platform tells an execution about itself, read from its environment. */
export interface ActorContext {
  actorId: string;
  /** `TENANT_actorId`; empty when the platform does not say. */
  actorDbId: string;
  /** The actor's name; empty for an unnamed actor (the platform writes `None` for it). */
  actorName: string;
  executionId: string;
  workerId: string;
  /** Who sent the message. */
  username: string;
  /** The actor's image. */
  containerRepo: string;
  /** The actor's revision, raised by each update of its image; null when the platform does not say. */
  revision: number | null;
  contentType: MessageContentType;
  /** `MSG` as the platform gave it; empty for a binary message. */
  rawMessage: string;
  /** `str`: the text. `application/json`: the decoded value. Binary: null (read it with `getBinaryMessage()`). */
  message: unknown;
  /** `_abaco_actor_state` as given; `{}` when absent. */
  rawState: string;
  /** The state at the start of the execution, decoded; `{}` when the actor has none yet. */
  state: unknown;
  /** The user's variables: defaultEnvironment, the message's query parameters, and the image's own variables. */
  env: Record<string, string>;
  /** The base URL of the actors API; empty when absent. */
  apiServer: string;
  /** The execution's access token; empty when the actor was registered with `token: false`. */
  accessToken: string;
  jwtHeaderName: string;
  /**
   * The actor configs delivered to this execution (`_actor_configs`): `{name: value}`, secrets already decrypted;
   * `{}` when none name the actor.
   */
  configs: Record<string, string>;
}

/** Reads the context from an execution's environment. Throws `ActorEnvironmentError` naming the first bad variable. */
export function readContext(env: Env): ActorContext {
  const contentType = readContentType(env);
  const rawMessage = contentType === 'application/octet-stream' ? '' : required(env, ABACO_ENV.message, true);
  const rawState = env[ABACO_ENV.actorState]?.trim() ? (env[ABACO_ENV.actorState] as string) : '{}';
  return {
    actorId: required(env, ABACO_ENV.actorId),
    actorDbId: env[ABACO_ENV.actorDbId] ?? '',
    actorName: readActorName(env),
    executionId: required(env, ABACO_ENV.executionId),
    workerId: env[ABACO_ENV.workerId] ?? '',
    username: env[ABACO_ENV.username] ?? '',
    containerRepo: env[ABACO_ENV.containerRepo] ?? '',
    revision: readRevision(env),
    contentType,
    rawMessage,
    message:
      contentType === 'str'
        ? rawMessage
        : contentType === 'application/json'
          ? parseStructured(ABACO_ENV.message, rawMessage, env)
          : null,
    rawState,
    state: parseStructured(ABACO_ENV.actorState, rawState, env),
    env: userEnvironment(env),
    apiServer: env[ABACO_ENV.apiServer] ?? '',
    accessToken: env[ABACO_ENV.accessToken] ?? '',
    jwtHeaderName: env[ABACO_ENV.jwtHeaderName] ?? '',
    configs: readConfigs(env),
  };
}

function readActorName(env: Env): string {
  const name = env[ABACO_ENV.actorName] ?? '';
  return name === UNNAMED_ACTOR_NAME ? '' : name;
}

/** `_actor_configs`: a Python dict literal of strings (JSON also read); `{}` when absent or empty. */
function readConfigs(env: Env): Record<string, string> {
  const text = env[ABACO_ENV.actorConfigs];
  if (text === undefined || text.trim() === '') return {};
  const value = parseStructured(ABACO_ENV.actorConfigs, text, env);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ActorEnvironmentError(
      ABACO_ENV.actorConfigs,
      "is not a dict of config names to values; the actors service writes one such as {'name': 'value'}",
    );
  }
  const configs: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') {
      throw new ActorEnvironmentError(
        ABACO_ENV.actorConfigs,
        `the value of config ${JSON.stringify(name)} is not a string; config values are strings`,
      );
    }
    configs[name] = v;
  }
  return configs;
}

/** Every variable that is not the platform's own (`_abaco_*`, `MSG`) or ActorKit's (`ACTORKIT_*`). */
export function userEnvironment(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || RESERVED_ENV_NAMES.has(key) || key.startsWith('ACTORKIT_')) continue;
    out[key] = value;
  }
  return out;
}

function required(env: Env, name: string, allowEmpty = false): string {
  const value = env[name];
  if (value === undefined || (!allowEmpty && value.trim() === '')) {
    throw new ActorEnvironmentError(
      name,
      'is not set. It is set by the actors service in every execution; outside one, set it yourself (or test with @actorkit/testing)',
    );
  }
  return value;
}

/**
 * `_abaco_Content_Type`, the one name the service sets. `_abaco_Content-Type` (what the Python helpers read, and
 * no platform sets) is read only when the first is absent.
 */
function readContentType(env: Env): MessageContentType {
  const underscore = env[ABACO_ENV.contentType];
  const dash = env[ABACO_ENV.contentTypeDash];
  const value = underscore ?? dash;
  const name = underscore !== undefined ? ABACO_ENV.contentType : ABACO_ENV.contentTypeDash;
  if (value === undefined) {
    throw new ActorEnvironmentError(
      ABACO_ENV.contentType,
      `is not set (nor ${ABACO_ENV.contentTypeDash}); the actors service sets it in every execution`,
    );
  }
  if (!(MESSAGE_CONTENT_TYPES as readonly string[]).includes(value)) {
    throw new ActorEnvironmentError(
      name,
      `is ${JSON.stringify(value)}; expected one of ${MESSAGE_CONTENT_TYPES.join(', ')}`,
    );
  }
  return value as MessageContentType;
}

function readRevision(env: Env): number | null {
  const value = env[ABACO_ENV.actorRevision];
  if (value === undefined || value.trim() === '' || value === 'None') return null;
  if (!/^\d+$/.test(value.trim())) {
    throw new ActorEnvironmentError(
      ABACO_ENV.actorRevision,
      `is ${JSON.stringify(value)}; expected a whole number`,
    );
  }
  return Number(value);
}

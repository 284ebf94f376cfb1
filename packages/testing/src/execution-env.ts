import {
  ABACO_ENV,
  ACTORKIT_ENV,
  RESERVED_ENV_NAMES,
  toPythonLiteral,
  type MessageContentType,
} from '@actorkit/api';
import type { InvokeOptions } from './invoke-options.js';

/** Where the in-process tier says the API is: never contacted (`.invalid` cannot resolve). */
export const IN_PROCESS_API_SERVER = 'http://in-process.actorkit.invalid';

export interface ExecutionIdentity {
  actorId: string;
  executionId: string;
  username: string;
}

/** The environment the real service would give this execution, built from the invoke options. */
export function executionEnv(
  options: InvokeOptions,
  id: ExecutionIdentity,
): Record<string, string | undefined> {
  if (options.binary !== undefined && options.message !== undefined) {
    throw new TypeError('invoke: give either `message` or `binary`, not both');
  }
  const json = options.messageFormat === 'json';
  const write = (value: unknown) => (json ? JSON.stringify(value) : toPythonLiteral(value));
  const message = options.message ?? '';
  const contentType: MessageContentType =
    options.contentType ??
    (options.binary ? 'application/octet-stream' : typeof message === 'string' ? 'str' : 'application/json');
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (RESERVED_ENV_NAMES.has(key))
      throw new TypeError(`invoke: env.${key} is set by the platform; use rawEnv to override it`);
    env[key] = String(value);
  }
  Object.assign(env, {
    [ABACO_ENV.message]:
      contentType === 'application/octet-stream'
        ? undefined
        : contentType === 'str'
          ? String(message)
          : write(message),
    [ABACO_ENV.contentType]: contentType,
    [ABACO_ENV.executionId]: id.executionId,
    [ABACO_ENV.actorId]: id.actorId,
    [ABACO_ENV.actorDbId]: `DEV_${id.actorId}`,
    [ABACO_ENV.actorName]: options.actorName ?? 'test-actor',
    [ABACO_ENV.workerId]: 'INPROCESSWRKR',
    [ABACO_ENV.username]: id.username,
    [ABACO_ENV.containerRepo]: 'actorkit-test/in-process',
    [ABACO_ENV.actorRevision]: '1',
    [ABACO_ENV.apiServer]: IN_PROCESS_API_SERVER,
    [ABACO_ENV.accessToken]: options.token === false ? '' : (options.token ?? 'in-process-token'),
    [ABACO_ENV.jwtHeaderName]: 'X-Jwt-Assertion-DEV',
    [ABACO_ENV.actorState]: write(options.state ?? {}),
    [ABACO_ENV.actorConfigs]: toPythonLiteral(options.configs ?? {}),
    ...(json ? { [ACTORKIT_ENV.messageFormat]: 'json' } : {}),
  });
  for (const [key, value] of Object.entries(options.rawEnv ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

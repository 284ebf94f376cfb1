/**
 * The options `up` and `dev` share to start an emulator, and their help. Light on purpose: `actorkit up --help`
 * loads this, and only `launchEmulator` (emulator-launch.ts) loads the emulator.
 */
import type { ExecutorChoice, ExecutorPoolSettings, StartEmulatorOptions } from '@actorkit/emulator';
import { TOKEN_FILE } from './token-file.js';
import { UsageError } from './usage-error.js';

/** The options `up` and `dev` share to start an emulator, for node:util's parseArgs. */
export const EMULATOR_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'in-memory': { type: 'boolean' },
  case: { type: 'string' },
  user: { type: 'string' },
  token: { type: 'string' },
  'trust-jwt': { type: 'boolean' },
  'no-auth': { type: 'boolean' },
  'max-body-bytes': { type: 'string' },
  'max-binary-bytes': { type: 'string' },
  executor: { type: 'string' },
  'max-workers': { type: 'string' },
  'max-run-time': { type: 'string' },
  'message-format': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'allowed-host': { type: 'string', multiple: true },
} as const;

export const EMULATOR_OPTIONS_HELP = `  --port <n>              port to listen on (default 8000; 0 picks a free one)
  --host <addr>           address to bind (default 127.0.0.1: this machine only)
  --data-dir <dir>        where the store lives (default .actorkit in the current directory)
  --in-memory             keep nothing on disk
  --executor <kind>       docker, process or auto (default auto: Docker when the engine answers, else local
                          processes — which one is in use is always printed)
  --max-workers <n>       workers a stateless actor may scale to when it sets no maxWorkers (default 4)
  --max-run-time <s>      stop an execution after this many seconds (default 1800)
  --message-format <f>    python (as the real service: MSG and state as Python literals) or json (default python)
  --case <camel|snake>    key case of responses (default camel); requests are accepted in either
  --user <name>           the local user's name (default: your OS account); it has the admin role
  --token <token>         the local user's bearer token (default: generated once, saved in <data-dir>/${TOKEN_FILE})
  --trust-jwt             read X-Jwt-Assertion-<TENANT> and X-Tapis-Token JWTs without checking signatures
  --no-auth               requests without credentials act as the local user
  --max-body-bytes <n>    cap on JSON and form bodies (default 10485760)
  --max-binary-bytes <n>  cap on binary messages (default 10485760)
  --cors-origin <origin>  a web origin (e.g. http://localhost:3000) whose pages may call the API from a browser;
                          repeat for more. Other origins are refused (the emulator's own page always may)
  --allowed-host <name>   a host name the emulator answers to besides localhost, IP addresses and the bound
                          address (protection against DNS rebinding); repeat for more; * for any`;

export interface LaunchOptions {
  emulator: StartEmulatorOptions;
  executor: ExecutorChoice;
  pool: ExecutorPoolSettings;
}

type EmulatorValues = {
  [K in keyof typeof EMULATOR_OPTIONS]?: (typeof EMULATOR_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof EMULATOR_OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

/** A `--cors-origin` must be an origin: scheme, host and port, nothing else (browsers send exactly that). */
function origins(command: string, values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch (cause) {
      void cause; // reported below with what to send instead
    }
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== value.replace(/\/$/, '')
    ) {
      throw new UsageError(
        `--cors-origin takes an origin such as http://localhost:3000 (scheme, host and port, no path), got "${value}"`,
        command,
      );
    }
    return url.origin;
  });
}

function integer(command: string, name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`, command);
  }
  return n;
}

function oneOf<T extends string>(
  command: string,
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = value ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(
      `--${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, got "${v}"`,
      command,
    );
  }
  return v as T;
}

/** Reads the shared emulator options into what startEmulator, the executor and the pool take. */
export function readLaunchOptions(values: EmulatorValues, command: string): LaunchOptions {
  const port = integer(command, 'port', values.port, 0) ?? 8000;
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`, command);
  const maxRunSeconds = integer(command, 'max-run-time', values['max-run-time'], 1);
  return {
    emulator: {
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: values['data-dir'] ?? '.actorkit',
      inMemory: values['in-memory'] ?? false,
      keyCase: oneOf(command, 'case', values.case, ['camel', 'snake'] as const, 'camel'),
      user: values.user,
      token: values.token,
      trustJwt: values['trust-jwt'] ?? false,
      noAuth: values['no-auth'] ?? false,
      maxBodyBytes: integer(command, 'max-body-bytes', values['max-body-bytes'], 1),
      maxBinaryBytes: integer(command, 'max-binary-bytes', values['max-binary-bytes'], 1),
      corsOrigins: origins(command, values['cors-origin']),
      allowedHosts: values['allowed-host'],
    },
    executor: oneOf(command, 'executor', values.executor, ['docker', 'process', 'auto'] as const, 'auto'),
    pool: {
      defaultMaxWorkers: integer(command, 'max-workers', values['max-workers'], 1),
      maxRunMs: maxRunSeconds === undefined ? undefined : maxRunSeconds * 1000,
      messageFormat: oneOf(
        command,
        'message-format',
        values['message-format'],
        ['python', 'json'] as const,
        'python',
      ),
    },
  };
}

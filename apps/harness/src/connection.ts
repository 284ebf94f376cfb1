import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ActorsClient, type ApiFlavour, type Credentials } from '@actorkit/api';
import { TOKEN_FILE } from './token-file.js';
import { UsageError } from './usage-error.js';

/** Where client commands look for the API when neither --api nor ACTORKIT_API says: `actorkit up`'s default. */
export const DEFAULT_API = 'http://127.0.0.1:8000';

/** The options every client command takes, for node:util's parseArgs. */
export const CONNECTION_OPTIONS = {
  api: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
  flavour: { type: 'string' },
  jwt: { type: 'string' },
  tenant: { type: 'string' },
  'tapis-token': { type: 'string' },
  nonce: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

const HELP_LINES = {
  api: `  --api <url>             the actors API (default $ACTORKIT_API, else ${DEFAULT_API}: \`actorkit up\`)`,
  token: `  --token <token>         bearer token (default $ACTORKIT_TOKEN, else the one \`actorkit up\` saved in
                          <data-dir>/${TOKEN_FILE})`,
  'data-dir': '  --data-dir <dir>        where `actorkit up` keeps its data (default .actorkit)',
  flavour: '  --flavour <v2|v3>       route prefix: /actors/v2 (Abaco v2, default) or /v3/actors (Tapis v3)',
  jwt: '  --jwt <jwt>             send a JWT as X-Jwt-Assertion-<TENANT> instead (with --tenant, default dev)',
  'tapis-token': '  --tapis-token <jwt>     send a Tapis v3 token as X-Tapis-Token instead',
  nonce: '  --nonce <id>            act through a nonce (?x-nonce=<id>) instead',
  output: '  -o, --output <format>   text (default) or json: the raw API objects, for scripts',
};

/** The connection options' help, with some lines replaced or (null) left out. */
export function connectionHelp(
  replace: Partial<Record<keyof typeof HELP_LINES, string | null>> = {},
): string {
  const lines = Object.entries({ ...HELP_LINES, ...replace }).flatMap(([, line]) =>
    line === null ? [] : [line],
  );
  return `Connection options:\n${lines.join('\n')}`;
}

export const CONNECTION_HELP = connectionHelp();

export interface ConnectionValues {
  api?: string;
  token?: string;
  'data-dir'?: string;
  flavour?: string;
  jwt?: string;
  tenant?: string;
  'tapis-token'?: string;
  nonce?: string;
  output?: string;
}

export interface Connection {
  client: ActorsClient;
  /** The server as given, e.g. `http://127.0.0.1:8000`. */
  api: string;
  /** Whether the API address was left to the default (so "start it with actorkit up" is the right advice). */
  defaultApi: boolean;
  credentials: Credentials;
  /** Where the credentials came from, for error hints. */
  credentialSource: string;
  json: boolean;
}

export interface ConnectOptions {
  command: string;
  env?: NodeJS.ProcessEnv;
  /** Whether to fall back to the token `actorkit up` saved (not for a real service). Default true. */
  localToken?: boolean;
  timeoutMs?: number;
}

function savedToken(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, TOKEN_FILE), 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function credentialsFrom(
  values: ConnectionValues,
  o: ConnectOptions,
): { credentials: Credentials; source: string } {
  const given = (['token', 'jwt', 'tapis-token', 'nonce'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) {
    throw new UsageError(
      `give one of --token, --jwt, --tapis-token and --nonce, not ${given.map((g) => `--${g}`).join(' and ')}`,
      o.command,
    );
  }
  if (values.nonce !== undefined)
    return { credentials: { kind: 'nonce', nonce: values.nonce }, source: '--nonce' };
  if (values.jwt !== undefined)
    return { credentials: { kind: 'jwt', jwt: values.jwt, tenant: values.tenant }, source: '--jwt' };
  if (values['tapis-token'] !== undefined) {
    return { credentials: { kind: 'tapis', token: values['tapis-token'] }, source: '--tapis-token' };
  }
  if (values.token !== undefined)
    return { credentials: { kind: 'bearer', token: values.token }, source: '--token' };
  const env = o.env ?? process.env;
  if (env['ACTORKIT_TOKEN'])
    return { credentials: { kind: 'bearer', token: env['ACTORKIT_TOKEN'] }, source: 'ACTORKIT_TOKEN' };
  if (o.localToken === false) return { credentials: { kind: 'none' }, source: 'none' };
  const dataDir = resolve(values['data-dir'] ?? '.actorkit');
  const saved = savedToken(dataDir);
  if (saved) return { credentials: { kind: 'bearer', token: saved }, source: join(dataDir, TOKEN_FILE) };
  return { credentials: { kind: 'none' }, source: 'none' };
}

/** Reads the connection options (flags, then ACTORKIT_API / ACTORKIT_TOKEN, then `actorkit up`'s token file). */
export function connect(values: ConnectionValues, o: ConnectOptions): Connection {
  const env = o.env ?? process.env;
  const flavour = values.flavour ?? 'v2';
  if (flavour !== 'v2' && flavour !== 'v3')
    throw new UsageError(`--flavour must be v2 or v3, got "${flavour}"`, o.command);
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    throw new UsageError(`--output must be text or json, got "${output}"`, o.command);
  const api = values.api ?? (env['ACTORKIT_API'] || DEFAULT_API);
  try {
    new URL(api);
  } catch (cause) {
    throw new UsageError(
      `--api must be a URL such as ${DEFAULT_API}, got "${api}" (${(cause as Error).message})`,
      o.command,
    );
  }
  const { credentials, source } = credentialsFrom(values, o);
  const client = new ActorsClient({
    baseUrl: api,
    flavour: flavour as ApiFlavour,
    credentials,
    timeoutMs: o.timeoutMs,
  });
  return {
    client,
    api,
    defaultApi: values.api === undefined && !env['ACTORKIT_API'],
    credentials,
    credentialSource: source,
    json: output === 'json',
  };
}

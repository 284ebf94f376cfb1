import { CommandError } from '../command-error.js';
import type { Connection } from '../connection.js';
import { printJson } from '../format.js';
import type { Output } from '../output.js';
import type { DeployImages, DeployProgress, RegistryAuth } from './build-image.js';
import type { Registration } from './register.js';

/** Progress on the terminal: steps, tool output dimmed and indented; nothing in JSON mode. */
export function terminalProgress(out: Output, json: boolean): DeployProgress {
  if (json) return { step: () => undefined, detail: () => undefined, done: () => undefined };
  return {
    step: (text) => out.line(`${out.style.cyan('▸')} ${text}`),
    detail: (line) => out.hint(`    ${line}`),
    done: (text) => out.ok(text),
  };
}

/** The registry a reference names: its first part when that is a host, else Docker Hub. */
export function registryOf(ref: string): string {
  const first = ref.split('/')[0]!;
  return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'https://index.docker.io/v1/';
}

function registryAuth(ref: string, user: string | undefined, env: NodeJS.ProcessEnv): RegistryAuth {
  const username = user ?? env['ACTORKIT_REGISTRY_USER'];
  const password = env['ACTORKIT_REGISTRY_PASSWORD'];
  if (!username) return {};
  if (!password) {
    throw new CommandError(
      `a registry user (${username}) but no password: set ACTORKIT_REGISTRY_PASSWORD (a token works too)`,
    );
  }
  return { username, password, serveraddress: registryOf(ref) };
}

export async function pushImage(
  images: DeployImages,
  ref: string,
  user: string | undefined,
  progress: DeployProgress,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const auth = registryAuth(ref, user, env);
  progress.step(`pushing ${ref} to ${registryOf(ref)}${auth.username ? ` as ${auth.username}` : ''}`);
  try {
    const { digest } = await images.push(ref, auth, (line) => progress.detail(line));
    progress.done(`pushed ${ref}${digest ? ` (${digest})` : ''}`);
    return digest;
  } catch (error) {
    const login = auth.username
      ? 'check ACTORKIT_REGISTRY_USER / ACTORKIT_REGISTRY_PASSWORD'
      : 'log in with --registry-user <name> and ACTORKIT_REGISTRY_PASSWORD';
    throw new CommandError(
      `${(error as Error).message}; check --registry and that you may push there (${login})`,
      { cause: error },
    );
  }
}

function authHeader(conn: Connection): string {
  switch (conn.credentials.kind) {
    case 'tapis':
      return '-H "X-Tapis-Token: $JWT"';
    case 'jwt':
      return `-H "X-Jwt-Assertion-${(conn.credentials.tenant ?? 'dev').replace(/[^A-Za-z0-9]/g, '-')}: $JWT"`;
    default:
      return '-H "Authorization: Bearer $TOKEN"';
  }
}

export function printDeployed(
  out: Output,
  conn: Connection,
  d: { registration: Registration; image: string; pushed: boolean; digest: string | null },
): void {
  const { actor, created, previous } = d.registration;
  if (conn.json) {
    printJson(out, { actor, image: d.image, created, pushed: d.pushed, digest: d.digest });
    return;
  }
  if (created) out.ok(`registered ${actor.name ?? actor.id} as a new actor: ${actor.id}`);
  else
    out.ok(
      `updated ${actor.name ?? actor.id} (${actor.id}): revision ${previous?.revision ?? '?'} -> ${actor.revision}`,
    );
  out.field('id', actor.id);
  out.field('image', d.image);
  out.field(
    'status',
    `${actor.status}${actor.status === 'SUBMITTED' ? ' (READY once the service has pulled the image and started a worker)' : ''}`,
  );
  out.field('api', conn.client.baseUrl);
  out.line();
  out.line('Send it a message:');
  out.line(
    `  ${out.code(`curl ${authHeader(conn)} -d "message=hello" ${conn.client.baseUrl}/${actor.id}/messages`)}`,
  );
  const flavour = conn.client.baseUrl.endsWith('/v3/actors') ? ' --flavour v3' : '';
  const creds =
    conn.credentials.kind === 'tapis'
      ? '--tapis-token $JWT'
      : conn.credentials.kind === 'jwt'
        ? '--jwt $JWT'
        : '--token $TOKEN';
  out.line(`  ${out.code(`actorkit send ${actor.id} hello --wait --api ${conn.api}${flavour} ${creds}`)}`);
}

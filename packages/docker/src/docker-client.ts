import { request } from 'node:http';
import { createRequire } from 'node:module';
import type Docker from 'dockerode';
import createDebug from 'debug';

const debug = createDebug('actorkit:docker');

/** Labels on everything ActorKit creates, so leftovers can be found and removed. */
export const ACTORKIT_LABEL = 'org.actorkit.managed';
export const ACTORKIT_INSTANCE_LABEL = 'org.actorkit.instance';

const require = createRequire(import.meta.url);
let shared: Docker | undefined;

/**
 * The one dockerode client of the process: DOCKER_HOST when set, else the local socket. dockerode (with its SSH
 * and gRPC dependencies, a sixth of a second to load) is loaded on the first call, not when this module is
 * imported: `actorkit up` answers before it has needed the engine for more than a ping.
 */
export function dockerClient(): Docker {
  if (!shared) {
    const Docker = require('dockerode') as typeof import('dockerode');
    const host = process.env.DOCKER_HOST;
    shared = host?.startsWith('unix://')
      ? new Docker({ socketPath: host.slice('unix://'.length) })
      : host
        ? new Docker()
        : new Docker({ socketPath: '/var/run/docker.sock' });
    debug('docker client for %s', host ?? '/var/run/docker.sock');
  }
  return shared;
}

/** Error text for a dead or missing engine: what is wrong, and how to fix it. */
export function engineDownMessage(cause: unknown): string {
  const where = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  const reason = cause instanceof Error ? cause.message : String(cause);
  return (
    `the Docker engine does not answer at ${where} (${reason}). Start it (e.g. \`sudo dockerd &\` or ` +
    '`sudo systemctl start docker`), or run with `--executor process` to use local processes instead'
  );
}

export interface EngineHealth {
  ok: boolean;
  message: string;
  version?: string;
}

/** Where a plain request can go without dockerode: the local socket, a unix:// socket or a plain tcp:// address. */
function plainEndpoint(): { socketPath: string } | { host: string; port: number } | null {
  const host = process.env.DOCKER_HOST;
  if (!host) return { socketPath: '/var/run/docker.sock' };
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const tls = process.env.DOCKER_TLS_VERIFY || process.env.DOCKER_CERT_PATH;
  const m = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(host);
  return m && !tls ? { host: m[1]!, port: Number(m[2]) } : null;
}

/** An engine's error answer, shaped as dockerode's errors are (`statusCode`, `json.message`). */
class EngineAnswerError extends Error {
  constructor(
    readonly statusCode: number,
    readonly json: { message?: string } | null,
    text: string,
  ) {
    super(`the engine answered ${statusCode}: ${json?.message ?? text.trim().slice(0, 200)}`);
  }
}

/**
 * One call of the engine's API with a JSON answer, over plain HTTP: what the emulator's start needs (a ping, the
 * leftover containers) without loading dockerode and its SSH and gRPC dependencies. Answers undefined when
 * DOCKER_HOST needs dockerode (TLS, SSH); rejects as dockerode would (`code` for a connection that failed,
 * `statusCode` and `json.message` for an error answer).
 */
export function plainEngineRequest<T>(
  method: string,
  path: string,
  signal?: AbortSignal,
): Promise<T> | undefined {
  const endpoint = plainEndpoint();
  if (!endpoint) return undefined;
  return new Promise<T>((resolve, reject) => {
    const req = request({ ...endpoint, path, method, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (cause) {
          if ((res.statusCode ?? 0) < 300) {
            reject(
              new Error(`the engine's answer to ${method} ${path} is not JSON: ${text.slice(0, 200)}`, {
                cause,
              }),
            );
            return;
          }
        }
        if ((res.statusCode ?? 0) >= 300)
          reject(new EngineAnswerError(res.statusCode ?? 0, json as { message?: string }, text));
        else resolve(json as T);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Asks the engine for its version. A dead engine answers at once (no socket, connection refused); the deadline
 * only bounds a live engine that is slow, as it is on a loaded machine, where a short one would call it down.
 * Over a socket or plain TCP the ping is one HTTP request; TLS and SSH hosts go through dockerode.
 */
export async function pingEngine(timeoutMs = 10_000): Promise<EngineHealth> {
  let timer: NodeJS.Timeout | undefined;
  const abort = new AbortController();
  try {
    const version = await Promise.race([
      plainEngineRequest<{ Version: string }>('GET', '/version', abort.signal) ?? dockerClient().version(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        timer.unref();
      }),
    ]);
    return { ok: true, message: `Docker ${version.Version}`, version: version.Version };
  } catch (cause) {
    return { ok: false, message: engineDownMessage(cause) };
  } finally {
    clearTimeout(timer);
    abort.abort(); // a request still waiting on a slow engine is dropped
  }
}

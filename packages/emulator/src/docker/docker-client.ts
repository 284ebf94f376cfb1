import Docker from 'dockerode';
import createDebug from 'debug';

const debug = createDebug('actorkit:docker');

/** Labels on everything ActorKit creates, so leftovers can be found and removed. */
export const ACTORKIT_LABEL = 'org.actorkit.managed';
export const ACTORKIT_INSTANCE_LABEL = 'org.actorkit.instance';

let shared: Docker | undefined;

/** The one dockerode client of the process: DOCKER_HOST when set, else the local socket. */
export function dockerClient(): Docker {
  if (!shared) {
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

/**
 * Asks the engine for its version. A dead engine answers at once (no socket, connection refused); the deadline
 * only bounds a live engine that is slow, as it is on a loaded machine, where a short one would call it down.
 */
export async function pingEngine(timeoutMs = 10_000): Promise<EngineHealth> {
  try {
    const version = await Promise.race([
      dockerClient().version(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { ok: true, message: `Docker ${version.Version}`, version: version.Version };
  } catch (cause) {
    return { ok: false, message: engineDownMessage(cause) };
  }
}

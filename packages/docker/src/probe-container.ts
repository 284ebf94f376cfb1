import createDebug from 'debug';
import { dockerClient } from './docker-client.js';
import { LogDemuxer } from './log-demux.js';

const debug = createDebug('actorkit:docker:probe');

/** What an image says about how it runs, as `docker image inspect` gives it. */
export interface ImageRunConfig {
  id: string;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  labels: Record<string, string>;
}

/** An image's id and run configuration; null when the image is not there. */
export async function imageRunConfig(ref: string): Promise<ImageRunConfig | null> {
  try {
    const info = await dockerClient().getImage(ref).inspect();
    const config = info.Config as {
      Entrypoint?: string[] | string | null;
      Cmd?: string[] | null;
      Env?: string[] | null;
      Labels?: Record<string, string> | null;
    };
    const entrypoint = config.Entrypoint;
    return {
      id: info.Id,
      entrypoint: typeof entrypoint === 'string' ? [entrypoint] : (entrypoint ?? []),
      cmd: config.Cmd ?? [],
      env: config.Env ?? [],
      labels: config.Labels ?? {},
    };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

export interface ProbeSpec {
  image: string;
  /** Replaces the image's entrypoint: what runs is exactly `[...entrypoint, ...cmd]`. */
  entrypoint: string[];
  cmd: string[];
  labels: Record<string, string>;
  /** The probe is killed after this long. Default 20 s. */
  timeoutMs?: number;
}

export interface ProbeResult {
  /** The exit code; null when the program could not be started (e.g. not in the image) or was killed. */
  exitCode: number | null;
  /** stdout and stderr, interleaved, capped at 64 KiB. */
  output: string;
  /** Why it did not start or finish, when it did not. */
  error: string | null;
}

/**
 * Runs a short command in a fresh container of an image, without network, and answers what it printed. For
 * questions about an image that only the image can answer (where a library keeps a file). The container is always
 * removed.
 */
export async function runProbe(spec: ProbeSpec): Promise<ProbeResult> {
  const docker = dockerClient();
  const chunks: Buffer[] = [];
  let size = 0;
  const container = await docker.createContainer({
    Image: spec.image,
    Entrypoint: spec.entrypoint,
    Cmd: spec.cmd,
    Labels: spec.labels,
    NetworkDisabled: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    HostConfig: { NetworkMode: 'none', Memory: 256 * 1024 * 1024 },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: true });
    const demuxer = new LogDemuxer((_name, bytes) => {
      if (size > 65_536) return;
      size += bytes.length;
      chunks.push(Buffer.from(bytes));
    });
    const ended = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    try {
      await container.start();
    } catch (error) {
      const message = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message;
      debug('probe of %s did not start: %s', spec.image, message);
      return { exitCode: null, output: '', error: message };
    }
    const timeoutMs = spec.timeoutMs ?? 20_000;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const waited = (await Promise.race([container.wait(), timedOut])) as { StatusCode: number } | null;
    if (!waited)
      return {
        exitCode: null,
        output: Buffer.concat(chunks).toString('utf8'),
        error: `no end within ${timeoutMs} ms`,
      };
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    return { exitCode: waited.StatusCode, output: Buffer.concat(chunks).toString('utf8'), error: null };
  } finally {
    clearTimeout(timer);
    await container
      .remove({ force: true, v: true })
      .catch((error: unknown) => debug('removing the probe: %O', error));
  }
}

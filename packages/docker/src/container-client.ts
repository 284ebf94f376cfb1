import type Docker from 'dockerode';
import createDebug from 'debug';
import { LogDemuxer, type LogStreamName } from './log-demux.js';
import { dockerClient, plainEngineRequest } from './docker-client.js';

const debug = createDebug('actorkit:docker:container');

export interface ContainerSpec {
  image: string;
  name?: string;
  /** Overrides the image's command. */
  cmd?: string[];
  env: Record<string, string>;
  labels: Record<string, string>;
  /** `host:container[:ro]` */
  binds: string[];
  networkMode?: string;
  memoryBytes?: number;
  nanoCpus?: number;
  privileged?: boolean;
  /** `uid[:gid]` or a name; the image's own user when absent. */
  user?: string;
}

/** Docker's State object (`docker inspect`'s `.State`), as the engine gives it. */
export interface ContainerState {
  Status: string;
  Running: boolean;
  ExitCode: number;
  OOMKilled: boolean;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
  Pid: number;
  [key: string]: unknown;
}

export interface ContainerSummary {
  id: string;
  labels: Record<string, string>;
  state: string;
}

/** The parts of one `docker stats` sample ActorKit reads. */
export interface DockerStatsSample {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; usage_in_usermode?: number } };
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
}

export interface LogAttachment {
  /** Resolves when the stream has ended (the container exited) or failed. */
  readonly ended: Promise<void>;
  close(): void;
}

export interface StatsSubscription {
  close(): void;
}

/** A container operation the engine refused or could not be asked: which one, and the engine's answer. */
export class ContainerClientError extends Error {
  override readonly name = 'ContainerClientError';
  constructor(
    readonly operation: string,
    message: string,
    readonly statusCode: number | undefined,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  get notFound(): boolean {
    return this.statusCode === 404;
  }
  /** The engine did not answer at all (socket missing or refused, connection dropped). */
  get engineUnreachable(): boolean {
    return ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EACCES', 'ETIMEDOUT'].includes(this.code ?? '');
  }
}

/** Containers on the engine: the only place container work touches dockerode. */
export interface ContainerClient {
  create(spec: ContainerSpec): Promise<string>;
  /** Attach to stdout and stderr (before start, so nothing is missed); chunks come demultiplexed, as they arrive. */
  attach(id: string, onChunk: (stream: LogStreamName, bytes: Uint8Array) => void): Promise<LogAttachment>;
  start(id: string): Promise<void>;
  /** Resolves with the exit code once the container has stopped. */
  wait(id: string): Promise<number>;
  /** Sends a signal (default SIGKILL); quiet when the container is gone or no longer running. */
  kill(id: string, signal?: string): Promise<void>;
  /** Removes the container and its anonymous volumes, running or not; quiet when it is gone. */
  remove(id: string): Promise<void>;
  inspect(id: string): Promise<ContainerState | null>;
  /** Streams `docker stats` samples while the container runs (about one a second). */
  stats(id: string, onSample: (sample: DockerStatsSample) => void): Promise<StatsSubscription>;
  /** Containers, running or not, carrying every one of these labels (`value` '' matches any value). */
  listByLabel(labels: Record<string, string>): Promise<ContainerSummary[]>;
}

export function toContainerClientError(operation: string, cause: unknown): ContainerClientError {
  const e = cause as { statusCode?: number; code?: string; json?: { message?: string }; message?: string };
  const detail = e.json?.message ?? e.message ?? String(cause);
  return new ContainerClientError(operation, `${operation}: ${detail}`, e.statusCode, e.code, { cause });
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    throw toContainerClientError(operation, cause);
  }
}

/** Parses a newline-delimited JSON stream, never holding more than one line (capped at 1 MiB). */
function onJsonLines(stream: NodeJS.ReadableStream, onObject: (value: unknown) => void): void {
  let pending = '';
  stream.on('data', (chunk: Buffer | string) => {
    pending += chunk.toString();
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (!line) continue;
      try {
        onObject(JSON.parse(line));
      } catch (error) {
        debug('skipped a stats line that is not JSON: %O', error);
      }
    }
    if (pending.length > 1_048_576) pending = '';
  });
}

function destroy(stream: NodeJS.ReadableStream): void {
  (stream as unknown as { destroy?: () => void }).destroy?.();
}

export class DockerContainerClient implements ContainerClient {
  constructor(private readonly docker: () => Docker = dockerClient) {}

  async create(spec: ContainerSpec): Promise<string> {
    const container = await call(`creating a container of ${spec.image}`, () =>
      this.docker().createContainer({
        Image: spec.image,
        name: spec.name,
        Cmd: spec.cmd,
        Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
        Labels: spec.labels,
        User: spec.user,
        Tty: false,
        AttachStdout: true,
        AttachStderr: true,
        HostConfig: {
          Binds: spec.binds,
          NetworkMode: spec.networkMode,
          Memory: spec.memoryBytes,
          NanoCpus: spec.nanoCpus,
          Privileged: spec.privileged ?? false,
        },
      }),
    );
    debug('created %s from %s', container.id, spec.image);
    return container.id;
  }

  async attach(
    id: string,
    onChunk: (stream: LogStreamName, bytes: Uint8Array) => void,
  ): Promise<LogAttachment> {
    const stream = await call(`attaching to ${id}`, () =>
      this.docker().getContainer(id).attach({ stream: true, stdout: true, stderr: true }),
    );
    const demuxer = new LogDemuxer(onChunk);
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    const ended = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', (error) => {
        debug('log stream of %s failed: %O', id, error);
        resolve();
      });
    });
    return { ended, close: () => destroy(stream) };
  }

  async start(id: string): Promise<void> {
    await call(`starting ${id}`, () => this.docker().getContainer(id).start());
  }

  async wait(id: string): Promise<number> {
    const answer = (await call(`waiting for ${id}`, () => this.docker().getContainer(id).wait())) as {
      StatusCode: number;
    };
    return answer.StatusCode;
  }

  async kill(id: string, signal = 'SIGKILL'): Promise<void> {
    try {
      await this.docker().getContainer(id).kill({ signal });
    } catch (cause) {
      const error = toContainerClientError(`killing ${id}`, cause);
      if (error.statusCode !== 404 && error.statusCode !== 409 && error.statusCode !== 304) throw error;
      debug('kill %s: already gone or stopped (%d)', id, error.statusCode);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.docker().getContainer(id).remove({ force: true, v: true });
    } catch (cause) {
      const error = toContainerClientError(`removing ${id}`, cause);
      // 409: removal already in progress
      if (error.statusCode !== 404 && error.statusCode !== 409) throw error;
    }
  }

  async inspect(id: string): Promise<ContainerState | null> {
    try {
      const info = await this.docker().getContainer(id).inspect();
      return info.State as unknown as ContainerState;
    } catch (cause) {
      const error = toContainerClientError(`inspecting ${id}`, cause);
      if (error.notFound) return null;
      throw error;
    }
  }

  async stats(id: string, onSample: (sample: DockerStatsSample) => void): Promise<StatsSubscription> {
    const stream = await call(`reading stats of ${id}`, () =>
      this.docker().getContainer(id).stats({ stream: true }),
    );
    onJsonLines(stream, (value) => onSample(value as DockerStatsSample));
    stream.on('error', (error) => debug('stats stream of %s failed: %O', id, error));
    return { close: () => destroy(stream) };
  }

  async listByLabel(labels: Record<string, string>): Promise<ContainerSummary[]> {
    const label = Object.entries(labels).map(([key, value]) => (value ? `${key}=${value}` : key));
    const filters = JSON.stringify({ label });
    // the default client lists with one plain request: the emulator does this as it starts, and dockerode loads
    // only when a container is first created
    const plain =
      this.docker === dockerClient
        ? plainEngineRequest<Docker.ContainerInfo[]>(
            'GET',
            `/containers/json?all=1&filters=${encodeURIComponent(filters)}`,
          )
        : undefined;
    const found = await call(
      'listing containers',
      () => plain ?? this.docker().listContainers({ all: true, filters }),
    );
    return found.map((c) => ({ id: c.Id, labels: c.Labels ?? {}, state: c.State }));
  }
}

import createDebug from 'debug';
import { dockerClient } from './docker-client.js';

const debug = createDebug('actorkit:docker:image');

export interface ImageInfo {
  id: string;
  tags: string[];
  labels: Record<string, string>;
  sizeBytes: number;
}

export interface BuildOptions {
  tag: string;
  /** Files and folders of the context, relative to it. */
  src: string[];
  dockerfile?: string;
  labels?: Record<string, string>;
  buildArgs?: Record<string, string>;
  /** Each line of build output, as it comes. */
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
}

/** A build that failed because of the Dockerfile or the context: the user's to fix. */
export class ImageBuildError extends Error {
  override readonly name = 'ImageBuildError';
  constructor(
    message: string,
    readonly log: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A push the registry refused or could not take (credentials, name, network): the user's to fix. */
export class ImagePushError extends Error {
  override readonly name = 'ImagePushError';
  constructor(
    message: string,
    readonly log: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Credentials for a registry, as the engine takes them (X-Registry-Auth). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  /** The registry, e.g. `https://index.docker.io/v1/` or `ghcr.io`. */
  serveraddress?: string;
  identitytoken?: string;
}

export interface PushResult {
  /** The pushed manifest's digest (`sha256:...`), when the registry gave one. */
  digest: string | null;
}

/** Splits `host:5000/team/name:tag` into its repository and tag (default `latest`). */
export function splitImageRef(ref: string): { repo: string; tag: string } {
  const at = ref.lastIndexOf(':');
  if (at > ref.lastIndexOf('/')) return { repo: ref.slice(0, at), tag: ref.slice(at + 1) };
  return { repo: ref, tag: 'latest' };
}

/** Images on the engine: the only place image work touches dockerode. */
export interface ImageClient {
  inspect(ref: string): Promise<ImageInfo | null>;
  build(contextDir: string, options: BuildOptions): Promise<ImageInfo>;
  tag(ref: string, repo: string, tag: string): Promise<void>;
  remove(ref: string): Promise<void>;
}

interface BuildEvent {
  stream?: string;
  status?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string; Digest?: string };
}

export class DockerImageClient implements ImageClient {
  async inspect(ref: string): Promise<ImageInfo | null> {
    try {
      const info = await dockerClient().getImage(ref).inspect();
      return {
        id: info.Id,
        tags: info.RepoTags ?? [],
        labels: info.Config?.Labels ?? {},
        sizeBytes: info.Size,
      };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  async build(contextDir: string, options: BuildOptions): Promise<ImageInfo> {
    const docker = dockerClient();
    debug('build %s from %s', options.tag, contextDir);
    const stream = await docker.buildImage(
      { context: contextDir, src: options.src },
      {
        t: options.tag,
        dockerfile: options.dockerfile ?? 'Dockerfile',
        labels: options.labels,
        buildargs: options.buildArgs,
        rm: true,
        forcerm: true,
        abortSignal: options.signal,
      },
    );
    const log: string[] = [];
    const events = await new Promise<BuildEvent[]>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err, output) => (err ? reject(err) : resolve(output as BuildEvent[])),
        (event: BuildEvent) => {
          const line = (event.stream ?? event.status ?? '').replace(/\n$/, '');
          if (line) {
            log.push(line);
            options.onProgress?.(line);
          }
        },
      );
    });
    const failed = events.find((e) => e.error || e.errorDetail);
    if (failed) {
      const message = failed.errorDetail?.message ?? failed.error ?? 'the build failed';
      throw new ImageBuildError(`building ${options.tag} failed: ${message}`, log);
    }
    const info = await this.inspect(options.tag);
    if (!info) throw new ImageBuildError(`building ${options.tag} finished but the image is not there`, log);
    return info;
  }

  async tag(ref: string, repo: string, tag: string): Promise<void> {
    await dockerClient().getImage(ref).tag({ repo, tag });
  }

  /**
   * Pushes `ref` to its registry. Progress comes as one line per layer state change (`3f4e: Pushed`), not per byte.
   * Not part of ImageClient, so fakes of it need not implement it.
   */
  async push(ref: string, auth: RegistryAuth = {}, onProgress?: (line: string) => void): Promise<PushResult> {
    const { repo, tag } = splitImageRef(ref);
    const docker = dockerClient();
    debug('push %s', ref);
    const log: string[] = [];
    const say = (line: string) => {
      log.push(line);
      onProgress?.(line);
    };
    let events: BuildEvent[];
    try {
      const stream = await docker.getImage(repo).push({ tag, authconfig: auth });
      const layers = new Map<string, string>();
      events = await new Promise<BuildEvent[]>((resolve, reject) => {
        docker.modem.followProgress(
          stream,
          (err, output) => (err ? reject(err) : resolve(output as BuildEvent[])),
          (event: BuildEvent) => {
            if (event.error || !event.status) return;
            if (!event.id) return say(event.status);
            if (layers.get(event.id) === event.status) return;
            layers.set(event.id, event.status);
            say(`${event.id}: ${event.status}`);
          },
        );
      });
    } catch (cause) {
      throw new ImagePushError(`pushing ${ref} failed: ${(cause as Error).message}`, log, { cause });
    }
    const failed = events.find((e) => e.error || e.errorDetail);
    if (failed) {
      const message = failed.errorDetail?.message ?? failed.error ?? 'the push failed';
      throw new ImagePushError(`pushing ${ref} failed: ${message}`, log);
    }
    return { digest: events.find((e) => e.aux?.Digest)?.aux?.Digest ?? null };
  }

  async remove(ref: string): Promise<void> {
    try {
      await dockerClient().getImage(ref).remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

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
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
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

  async remove(ref: string): Promise<void> {
    try {
      await dockerClient().getImage(ref).remove({ force: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

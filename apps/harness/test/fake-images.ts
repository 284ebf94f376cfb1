import { type BuildOptions, type ImageInfo, PUBLIC_BASE_IMAGE } from '@actorkit/docker';
import type { DeployImages, RegistryAuth } from '../src/deploy/build-image.js';

/**
 * Records what deploy asks of Docker and answers as the engine would: the base image is present, builds report
 * progress lines and produce a new image id, pushes report a layer and a digest.
 */
export class FakeImages implements DeployImages {
  readonly builds: BuildOptions[] = [];
  readonly tags: string[] = [];
  readonly pushes: { ref: string; auth: RegistryAuth | undefined }[] = [];
  private readonly present = new Map<string, ImageInfo>();
  private n = 0;

  async inspect(ref: string): Promise<ImageInfo | null> {
    if (ref === PUBLIC_BASE_IMAGE) return { id: 'sha256:base', tags: [ref], labels: {}, sizeBytes: 1 };
    return this.present.get(ref) ?? null;
  }

  async build(_contextDir: string, options: BuildOptions): Promise<ImageInfo> {
    this.builds.push(options);
    options.onProgress?.(`Step 1/5 : ARG ACTORKIT_BASE_IMAGE=${PUBLIC_BASE_IMAGE}`);
    options.onProgress?.('Successfully built');
    const info = {
      id: `sha256:${String(++this.n).padStart(64, '0')}`,
      tags: [options.tag],
      labels: {},
      sizeBytes: 1,
    };
    this.present.set(options.tag, info);
    return info;
  }

  async tag(ref: string, repo: string, tag: string): Promise<void> {
    this.tags.push(`${ref} -> ${repo}:${tag}`);
  }

  async remove(): Promise<void> {}

  async push(
    ref: string,
    auth?: RegistryAuth,
    onProgress?: (line: string) => void,
  ): Promise<{ digest: string | null }> {
    this.pushes.push({ ref, auth });
    onProgress?.('5f70bf18a086: Pushed');
    return { digest: 'sha256:feed' };
  }
}

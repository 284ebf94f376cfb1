import { createHash } from 'node:crypto';
import { ActorImageBuilder } from '@actorkit/build';
import { chooseBaseImage, DockerImageClient, PUBLIC_BASE_IMAGE, type ImageClient } from '@actorkit/emulator';
import { ContainerTierError } from './errors.js';
import type { StagedActor } from './stage-actor.js';

/** Where the container tier's images go: `actorkit-tier/<name>:<content hash>`. */
export const TIER_IMAGE_REPO = 'actorkit-tier';

export interface ActorImage {
  image: string;
  /** Built (why, on which base, how long) or reused. */
  note: string;
}

/**
 * The actor's image, tagged by what it is made of (the staged files, the Dockerfile and the base image's id): an
 * image already tagged so is reused, across test files and runs; otherwise ActorImageBuilder builds it, on
 * `node:20-slim` when present locally, else the local base image (its plan says which, and why).
 */
export async function actorImage(
  staged: StagedActor,
  onProgress: (line: string) => void = () => undefined,
  images: ImageClient = new DockerImageClient(),
): Promise<ActorImage> {
  const { config } = staged.project;
  const base = await chooseBaseImage(config.baseImage ?? PUBLIC_BASE_IMAGE, images);
  const baseId = (await images.inspect(base.image))?.id ?? base.image;
  const tagHash = createHash('sha256').update(staged.contentHash).update('\0').update(baseId).digest('hex');
  const image = `${TIER_IMAGE_REPO}/${config.name.toLowerCase()}:${tagHash.slice(0, 16)}`;
  if (await images.inspect(image))
    return { image, note: `reused ${image} (same bundle and base ${base.image})` };
  const builder = new ActorImageBuilder({ ...staged.project, image }, images);
  const plan = await builder.plan(null);
  const started = performance.now();
  try {
    await builder.build(plan, onProgress);
  } catch (cause) {
    throw new ContainerTierError(
      `the image ${image} of ${config.name} could not be built: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const ms = Math.round(performance.now() - started);
  return { image, note: `built ${image} in ${ms} ms: ${plan.baseNote}` };
}

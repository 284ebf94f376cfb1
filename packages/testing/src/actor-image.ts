import { createHash } from 'node:crypto';
import { ActorImageBuilder } from '@actorkit/project';
import { DockerImageClient, type ImageClient } from '@actorkit/docker';
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
 * The actor's image, tagged by what it is made of: the staged files (the bundle) and ActorImageBuilder's
 * fingerprint (Dockerfile, actor.json, package.json, the base image's id, the build format). An image already
 * tagged so is reused, across test files and runs; otherwise the builder builds it, on `node:20-slim` when present
 * locally, else on the local base image (its plan says which, and why).
 */
export async function actorImage(
  staged: StagedActor,
  onProgress: (line: string) => void = () => undefined,
  images: ImageClient = new DockerImageClient(),
): Promise<ActorImage> {
  const name = staged.project.config.name;
  const repo = `${TIER_IMAGE_REPO}/${name.toLowerCase()}`;
  // The plan does not depend on the tag; it only looks the tag up, and this one is never built.
  const plan = await new ActorImageBuilder({ ...staged.project, image: `${repo}:planning` }, images).plan(
    null,
  );
  const hash = createHash('sha256').update(staged.contentHash).update('\0').update(plan.fingerprint);
  const image = `${repo}:${hash.digest('hex').slice(0, 16)}`;
  if (await images.inspect(image))
    return { image, note: `reused ${image} (same bundle, base ${plan.baseImage})` };
  const started = performance.now();
  try {
    await new ActorImageBuilder({ ...staged.project, image }, images).build(plan, onProgress);
  } catch (cause) {
    throw new ContainerTierError(
      `the image ${image} of ${name} could not be built: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const ms = Math.round(performance.now() - started);
  return { image, note: `built ${image} in ${ms} ms: ${plan.baseNote}` };
}

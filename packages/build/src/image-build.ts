import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { chooseBaseImage, DockerImageClient, PUBLIC_BASE_IMAGE, type ImageClient } from '@actorkit/emulator';
import type { ActorProject } from './actor-config.js';
import { ignoreRules } from './ignore-rules.js';

/** Where compiled code lives in the default image, and where the dev loop mounts fresh builds. */
export const CONTAINER_DIST = '/app/dist';
const GENERATED_DOCKERFILE = '.actorkit/Dockerfile';
/** Raised whenever the way images are made changes, so images built the old way are rebuilt. */
const BUILD_FORMAT = '2';

export function defaultDockerfile(baseImage: string): string {
  return [
    `ARG ACTORKIT_BASE_IMAGE=${baseImage}`,
    'FROM ${ACTORKIT_BASE_IMAGE}',
    'WORKDIR /app',
    `COPY dist/ ${CONTAINER_DIST}/`,
    `CMD ["node", "${CONTAINER_DIST}/actor.mjs"]`,
    '',
  ].join('\n');
}

async function readOr(path: string, fallback = ''): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** The files of the build context: everything but dependencies, VCS, our state and `.dockerignore` matches. */
export async function contextFiles(dir: string): Promise<string[]> {
  // Anchored: the folder's own dependencies stay out, but dist/node_modules (the runtime's native socket package,
  // staged beside the bundle) is part of the image.
  const rules = await ignoreRules(dir, ['/node_modules/', '/.git/', '/.actorkit/']);
  const files: string[] = [];
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (rules.ignores(entry.isDirectory() ? `${rel}/` : rel)) continue;
      if (entry.isDirectory()) await walk(path);
      else files.push(rel);
    }
  }
  await walk(dir);
  return files;
}

export interface ImagePlan {
  /** Why a build is needed, or null when the image is current. */
  rebuildReason: string | null;
  fingerprint: string;
  baseImage: string;
  baseNote: string;
}

interface ImageRecord {
  image: string;
  fingerprint: string;
  imageId: string;
}

/**
 * Decides and performs image builds. An image is rebuilt only when what it is made of changes: the Dockerfile,
 * dependencies, actor.json or the base image. Source changes reach containers through the dev mount instead —
 * unless the actor brings its own Dockerfile, whose layout the dev loop cannot know.
 */
export class ActorImageBuilder {
  private readonly recordFile: string;

  constructor(
    private readonly project: ActorProject,
    private readonly images: ImageClient = new DockerImageClient(),
  ) {
    this.recordFile = join(project.dir, '.actorkit', 'image.json');
  }

  /** True when source changes need a rebuild (own Dockerfile), false when the dev mount carries them. */
  get mountsSource(): boolean {
    return this.project.dockerfile === null;
  }

  async plan(changed: string[] | null): Promise<ImagePlan> {
    const { dir, dockerfile, config } = this.project;
    const base = await chooseBaseImage(config.baseImage ?? PUBLIC_BASE_IMAGE, this.images);
    const baseInfo = await this.images.inspect(base.image);
    const dockerText = dockerfile ? await readOr(join(dir, dockerfile)) : defaultDockerfile(base.image);
    const hash = createHash('sha256').update(BUILD_FORMAT).update('\0');
    for (const part of [
      dockerText,
      await readOr(join(dir, 'actor.json')),
      await readOr(join(dir, 'package.json')),
    ]) {
      hash.update(part).update('\0');
    }
    hash.update(baseInfo?.id ?? base.image);
    const fingerprint = hash.digest('hex');
    const record = JSON.parse(await readOr(this.recordFile, 'null')) as ImageRecord | null;
    const present = await this.images.inspect(this.project.image);
    let rebuildReason: string | null = null;
    if (!present) rebuildReason = `${this.project.image} is not built yet`;
    else if (!record || record.fingerprint !== fingerprint || record.imageId !== present.id) {
      rebuildReason = 'the Dockerfile, dependencies, actor.json or base image changed';
    } else if (!this.mountsSource && changed?.length) {
      rebuildReason = `the actor has its own Dockerfile, so ${changed.join(', ')} goes in through a rebuild`;
    }
    return { rebuildReason, fingerprint, baseImage: base.image, baseNote: base.reason };
  }

  async build(plan: ImagePlan, onProgress: (line: string) => void, signal?: AbortSignal): Promise<string> {
    const { dir, dockerfile } = this.project;
    let dockerfilePath = dockerfile ?? GENERATED_DOCKERFILE;
    if (!dockerfile) {
      await mkdir(join(dir, '.actorkit'), { recursive: true });
      await writeFile(join(dir, GENERATED_DOCKERFILE), defaultDockerfile(plan.baseImage));
      dockerfilePath = GENERATED_DOCKERFILE;
    }
    const src = await contextFiles(dir);
    if (!dockerfile) src.push(GENERATED_DOCKERFILE);
    const info = await this.images.build(dir, {
      tag: this.project.image,
      src,
      dockerfile: dockerfilePath,
      buildArgs: dockerfile ? {} : { ACTORKIT_BASE_IMAGE: plan.baseImage },
      labels: { 'org.actorkit.actor': this.project.config.name },
      onProgress,
      signal,
    });
    const record: ImageRecord = {
      image: this.project.image,
      fingerprint: plan.fingerprint,
      imageId: info.id,
    };
    await mkdir(join(dir, '.actorkit'), { recursive: true });
    await writeFile(this.recordFile, JSON.stringify(record, null, 2));
    return info.id;
  }
}

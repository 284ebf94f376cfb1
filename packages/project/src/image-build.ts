import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { chooseBaseImage, DockerImageClient, PUBLIC_BASE_IMAGE, type ImageClient } from '@actorkit/docker';
import { ActorProjectError, type ActorProject } from './actor-config.js';
import { ignoreRules } from './ignore-rules.js';

/** Where compiled code lives in the default image, and where the dev loop mounts fresh builds. */
export const CONTAINER_DIST = '/app/dist';
const GENERATED_DOCKERFILE = '.actorkit/Dockerfile';
/** Raised whenever the way images are made changes, so images built the old way are rebuilt. */
const BUILD_FORMAT = '3';

/** Files whose change can alter the default image or the registration of a TypeScript actor built by it. */
export const BUILD_INPUTS: ReadonlySet<string> = new Set([
  'Dockerfile',
  'package.json',
  'package-lock.json',
  'actor.json',
  '.dockerignore',
]);

/** Never part of an own Dockerfile's fingerprint: caches a local Python run leaves behind. */
const NOT_INPUTS = /(^|\/)(__pycache__\/|[^/]*\.py[co]$)/;

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
  /** What the image is made of, part by part (`Dockerfile`, `base <ref>`, `file <path>` ...) -> its digest. */
  parts: Record<string, string>;
  baseImage: string;
  baseNote: string;
}

interface ImageRecord {
  image: string;
  fingerprint: string;
  imageId: string;
  parts?: Record<string, string>;
}

/** The images a Dockerfile builds FROM (stage names and references with build arguments left out). */
export function dockerfileBases(text: string): string[] {
  const stages = new Set<string>();
  const bases: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!m) continue;
    const ref = m[1]!;
    if (!stages.has(ref.toLowerCase()) && !ref.includes('$') && ref !== 'scratch' && !bases.includes(ref))
      bases.push(ref);
    if (m[2]) stages.add(m[2].toLowerCase());
  }
  return bases;
}

/** sha256 of a file's content, remembered by path, modification time and size: a save re-reads only what changed. */
const digests = new Map<string, { mtimeMs: number; size: number; digest: string }>();

async function fileDigest(path: string): Promise<string> {
  const info = await stat(path);
  const known = digests.get(path);
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.digest;
  const digest = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  digests.set(path, { mtimeMs: info.mtimeMs, size: info.size, digest });
  return digest;
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

function partLabel(part: string): string {
  if (part.startsWith('file ')) return part.slice(5);
  if (part.startsWith('base ')) return `the base image ${part.slice(5)}`;
  if (part === 'Dockerfile') return 'the Dockerfile';
  return part;
}

/** What differs between two sets of parts, as a person would say it: "src/actor.py and the Dockerfile changed". */
function describeChange(before: Record<string, string>, after: Record<string, string>): string | null {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => before[k] !== after[k])
    .sort((a, b) => Number(a.startsWith('file ')) - Number(b.startsWith('file ')) || a.localeCompare(b));
  if (!names.length) return null;
  const labels = names.slice(0, 4).map((k) => {
    const label = partLabel(k);
    if (!(k in before)) return `${label} (new)`;
    if (!(k in after)) return `${label} (removed)`;
    return label;
  });
  const more = names.length > 4 ? ` and ${names.length - 4} more` : '';
  return `${labels.join(', ')}${more} changed`;
}

/**
 * Decides and performs image builds. An image is rebuilt only when what it is made of changes. With the default
 * Dockerfile that is the Dockerfile, dependencies, actor.json or the base image: source changes reach containers
 * through the dev mount of dist/. With the actor's own Dockerfile it is the Dockerfile, its base images and every
 * file of the build context as `.dockerignore` leaves it, but for the folders `dev.mount` mounts (a save of those
 * reaches the next container without a build), the fixtures and actor.json (which only the dev loop reads).
 */
export class ActorImageBuilder {
  private readonly recordFile: string;

  constructor(
    private readonly project: ActorProject,
    private readonly images: ImageClient = new DockerImageClient(),
  ) {
    this.recordFile = join(project.dir, '.actorkit', 'image.json');
  }

  /** True when the dev mounts carry source changes into each container: no rebuild needed for them. */
  get mountsSource(): boolean {
    return this.project.dockerfile === null || this.project.devMounts.length > 0;
  }

  /**
   * The binds (`host:container:ro`) that put fresh code into each container: dist/ for the default Dockerfile, and
   * each `dev.mount` folder. Docker's bind syntax has no escape for ":" and ",", so a path with one is refused.
   */
  devMounts(): string[] {
    const { dir, dockerfile, devMounts } = this.project;
    const binds = dockerfile === null ? [`${join(dir, 'dist')}:${CONTAINER_DIST}:ro`] : [];
    for (const m of devMounts) binds.push(`${join(dir, m.folder)}:${m.target}:ro`);
    if (binds.length && /[:,]/.test(dir)) {
      throw new ActorProjectError(
        `${dir} has a ":" or "," in its path, which Docker's bind mounts cannot carry; move the actor folder`,
      );
    }
    return binds;
  }

  private underMount(file: string): boolean {
    return this.project.devMounts.some((m) => file === m.folder || file.startsWith(`${m.folder}/`));
  }

  /** Files the dev loop reads itself: no image is made of them. */
  private devOnly(file: string): boolean {
    return (
      file === 'actor.json' || this.project.config.fixtures.some((f) => f.file.replace(/^\.\//, '') === file)
    );
  }

  /**
   * Whether a save of `file` (relative to the actor folder) reaches the next container without a new image: it is
   * compiled into the mounted dist/, lies in a `dev.mount` folder, or is a fixture.
   */
  reachesWithoutBuild(file: string): boolean {
    if (this.project.dockerfile === null) return !BUILD_INPUTS.has(file) || this.underMount(file);
    return this.underMount(file) || (file !== 'actor.json' && this.devOnly(file));
  }

  /** The default Dockerfile's parts: the Dockerfile, actor.json, package.json and the base image. */
  private async defaultParts(): Promise<{ parts: Record<string, string>; base: string; note: string }> {
    const { dir, config } = this.project;
    const base = await chooseBaseImage(config.baseImage ?? PUBLIC_BASE_IMAGE, this.images);
    const baseInfo = await this.images.inspect(base.image);
    return {
      parts: {
        Dockerfile: digestOf(defaultDockerfile(base.image)),
        'file actor.json': digestOf(await readOr(join(dir, 'actor.json'))),
        'file package.json': digestOf(await readOr(join(dir, 'package.json'))),
        [`base ${base.image}`]: baseInfo?.id ?? 'absent',
      },
      base: base.image,
      note: base.reason,
    };
  }

  /** An own Dockerfile's parts: its text, its base images, and the build context but for what the dev loop mounts. */
  private async ownParts(
    dockerfile: string,
  ): Promise<{ parts: Record<string, string>; base: string; note: string }> {
    const { dir } = this.project;
    const text = await readOr(join(dir, dockerfile));
    const bases = dockerfileBases(text);
    const infos = await Promise.all(bases.map((b) => this.images.inspect(b)));
    const parts: Record<string, string> = { Dockerfile: digestOf(text) };
    bases.forEach((b, i) => (parts[`base ${b}`] = infos[i]?.id ?? 'absent'));
    const files = (await contextFiles(dir)).filter(
      (f) => f !== dockerfile && !this.underMount(f) && !this.devOnly(f) && !NOT_INPUTS.test(f),
    );
    const fileDigests = await Promise.all(files.map((f) => fileDigest(join(dir, f))));
    files.forEach((f, i) => (parts[`file ${f}`] = fileDigests[i]!));
    const missing = bases.filter((_, i) => !infos[i]);
    const note = missing.length
      ? `${missing.join(', ')} is not present locally, so the build will try to pull it`
      : `FROM ${bases.join(', ') || 'scratch'}`;
    return { parts, base: bases[0] ?? 'scratch', note };
  }

  async plan(_changed: string[] | null = null): Promise<ImagePlan> {
    const { dockerfile } = this.project;
    const { parts, base, note } = dockerfile ? await this.ownParts(dockerfile) : await this.defaultParts();
    const hash = createHash('sha256').update(BUILD_FORMAT).update('\0');
    for (const key of Object.keys(parts).sort())
      hash.update(key).update('\0').update(parts[key]!).update('\0');
    const fingerprint = hash.digest('hex');
    const record = JSON.parse(await readOr(this.recordFile, 'null')) as ImageRecord | null;
    const present = await this.images.inspect(this.project.image);
    let rebuildReason: string | null = null;
    if (!present) rebuildReason = `${this.project.image} is not built yet`;
    else if (!record || record.imageId !== present.id) {
      rebuildReason = `${this.project.image} was not built by this dev loop (or was rebuilt since)`;
    } else if (record.fingerprint !== fingerprint) {
      rebuildReason =
        (record.parts && describeChange(record.parts, parts)) ??
        'the Dockerfile, its build context, actor.json or the base image changed';
    }
    return { rebuildReason, fingerprint, parts, baseImage: base, baseNote: note };
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
      parts: plan.parts,
    };
    await mkdir(join(dir, '.actorkit'), { recursive: true });
    await writeFile(this.recordFile, JSON.stringify(record, null, 2));
    return info.id;
  }
}

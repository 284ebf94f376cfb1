import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActorProject } from '@actorkit/project';
import { UsageError } from '../usage-error.js';

export interface ImageRefOptions {
  registry?: string;
  image?: string;
  tag?: string;
  push: boolean;
  now: Date;
}

/** A Docker reference's repository part must be lower case; tags allow [A-Za-z0-9_.-], at most 128 characters. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REPO = /^[a-z0-9]+(?:[._-][a-z0-9]+|[/:][a-z0-9]+)*$/;

async function packageVersion(dir: string): Promise<string | null> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' && TAG.test(pkg.version) ? pkg.version : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** `20261123074426`: a tag that sorts by time. */
export function timestampTag(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function splitTag(ref: string): { repo: string; tag: string | null } {
  const at = ref.lastIndexOf(':');
  return at > ref.lastIndexOf('/')
    ? { repo: ref.slice(0, at), tag: ref.slice(at + 1) }
    : { repo: ref, tag: null };
}

/**
 * The reference the service will run: `--image` as given (a tag added when it has none), else
 * `<registry>/<name>:<version or timestamp>`, else (with --no-push) the local image's repository with that tag.
 */
export async function deployImageRef(project: ActorProject, o: ImageRefOptions): Promise<string> {
  if (o.push && !o.registry && !o.image) {
    throw new UsageError(
      'deploy pushes the image to a registry the service can pull from: give --registry (e.g. docker.io/jdoe or ghcr.io/team) or --image <registry>/<name>, or --no-push when the service already reaches the local image',
      'deploy',
    );
  }
  const name = project.config.name.toLowerCase();
  const given = o.image ? splitTag(o.image) : null;
  const repo =
    given?.repo ?? (o.registry ? `${o.registry.replace(/\/+$/, '')}/${name}` : splitTag(project.image).repo);
  const tag = o.tag ?? given?.tag ?? (await packageVersion(project.dir)) ?? timestampTag(o.now);
  if (!REPO.test(repo)) {
    throw new UsageError(
      `"${repo}" is not a valid image repository: use lower-case letters, digits, and . _ - / separators`,
      'deploy',
    );
  }
  if (!TAG.test(tag))
    throw new UsageError(`"${tag}" is not a valid image tag: letters, digits, _ . - (at most 128)`, 'deploy');
  return `${repo}:${tag}`;
}

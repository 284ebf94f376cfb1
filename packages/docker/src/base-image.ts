import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DockerImageClient, type ImageClient } from './image-client.js';

const run = promisify(execFile);

/** The local base image: the machine's own node binary and the libraries it links, on an empty image. */
export const LOCAL_BASE_REPO = 'actorkit/node';
export const NODE_MAJOR = process.versions.node.split('.')[0] ?? '20';
export const LOCAL_BASE_IMAGE = `${LOCAL_BASE_REPO}:${NODE_MAJOR}`;
/** The public image ActorKit prefers when it is present; never pulled behind the user's back. */
export const PUBLIC_BASE_IMAGE = `node:${NODE_MAJOR}-slim`;
const HASH_LABEL = 'org.actorkit.node-sha256';

export interface BaseImageReport {
  image: string;
  built: boolean;
  /** A sentence for the user: what was done, or why nothing needed doing. */
  message: string;
}

/** The shared libraries `ldd` lists for a binary, including the dynamic loader. */
export async function linkedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run('ldd', [binary]);
  const libs = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m?.[1]) libs.add(m[1]);
  }
  return [...libs];
}

let binary: Promise<{ path: string; hash: string }> | undefined;

/**
 * This process's node binary and its sha256, computed once: the binary cannot change under a running process, and
 * hashing its ~100 MB on every call cost the dev loop a few hundred milliseconds per round.
 */
function nodeBinary(): Promise<{ path: string; hash: string }> {
  binary ??= (async () => {
    const path = await realpath(process.execPath);
    return {
      path,
      hash: createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    };
  })().catch((error: unknown) => {
    binary = undefined;
    throw error;
  });
  return binary;
}

/**
 * Builds `actorkit/node:<major>` (and `:<full version>`) unless an image built from the same node binary is
 * already there. Idempotent: a second call reports that nothing needed doing.
 */
export async function ensureLocalBaseImage(
  images: ImageClient = new DockerImageClient(),
  onProgress?: (line: string) => void,
): Promise<BaseImageReport> {
  const { path: nodeBinaryPath, hash } = await nodeBinary();
  const existing = await images.inspect(LOCAL_BASE_IMAGE);
  if (existing?.labels[HASH_LABEL] === hash) {
    return {
      image: LOCAL_BASE_IMAGE,
      built: false,
      message: `${LOCAL_BASE_IMAGE} is already present and holds this machine's node ${process.version}`,
    };
  }
  const context = await mkdtemp(join(tmpdir(), 'actorkit-base-'));
  try {
    const rootfs = join(context, 'rootfs');
    const libs = await linkedLibraries(nodeBinaryPath);
    for (const lib of libs) {
      await mkdir(join(rootfs, dirname(lib)), { recursive: true });
      await copyFile(lib, join(rootfs, lib)); // follows symlinks: the real file lands at the linked path
    }
    await mkdir(join(rootfs, 'usr/local/bin'), { recursive: true });
    await copyFile(nodeBinaryPath, join(rootfs, 'usr/local/bin/node'));
    await mkdir(join(rootfs, 'tmp'), { recursive: true });
    await chmod(join(rootfs, 'tmp'), 0o1777);
    await mkdir(join(rootfs, 'app'), { recursive: true });
    await mkdir(join(rootfs, 'etc'), { recursive: true });
    await writeFile(
      join(rootfs, 'etc/passwd'),
      'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000::/app:/sbin/nologin\n',
    );
    await writeFile(join(rootfs, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
    await writeFile(
      join(context, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY rootfs/ /',
        `ENV PATH=/usr/local/bin NODE_VERSION=${process.versions.node}`,
        'WORKDIR /app',
        'CMD ["node"]',
        '',
      ].join('\n'),
    );
    const labels = { [HASH_LABEL]: hash, 'org.actorkit.base-image': 'true' };
    await images.build(context, { tag: LOCAL_BASE_IMAGE, src: ['Dockerfile', 'rootfs'], labels, onProgress });
    await images.tag(LOCAL_BASE_IMAGE, LOCAL_BASE_REPO, process.versions.node);
    return {
      image: LOCAL_BASE_IMAGE,
      built: true,
      message:
        `built ${LOCAL_BASE_IMAGE} (also tagged ${LOCAL_BASE_REPO}:${process.versions.node}) from ${nodeBinaryPath} ` +
        `and ${libs.length} shared libraries`,
    };
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

export interface BaseImageChoice {
  image: string;
  /** Why this image: shown to the user so a fallback is never silent. */
  reason: string;
}

/**
 * Picks the base image for actor builds: the one asked for when it is present locally, else the local one.
 * Nothing is pulled: where a registry is reachable, `docker pull node:20-slim` once makes it the default.
 */
export async function chooseBaseImage(
  preferred: string = PUBLIC_BASE_IMAGE,
  images: ImageClient = new DockerImageClient(),
): Promise<BaseImageChoice> {
  if (preferred === LOCAL_BASE_IMAGE || (await images.inspect(preferred))) {
    return { image: preferred, reason: `using ${preferred}` };
  }
  const report = await ensureLocalBaseImage(images);
  return {
    image: report.image,
    reason:
      `${preferred} is not present locally, so actors build on the local base image ${report.image} ` +
      `(${report.built ? 'built just now' : 'already present'}); where a registry is reachable, ` +
      `\`docker pull ${preferred}\` makes ${preferred} the base`,
  };
}

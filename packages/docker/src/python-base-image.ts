import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerImageClient, type ImageClient } from './image-client.js';
import type { BaseImageReport } from './base-image.js';

/**
 * The local Python base image: a minimal Debian bookworm made with debootstrap from Debian's own packages (no
 * registry), with python3 and the packages Abaco actors use, on an empty image. Built by
 * `npm run base-image -- --python`; rebuilt only when its recipe (below) changes.
 */
export const PYTHON_BASE_REPO = 'actorkit/python';
export const PYTHON_VERSION = '3.11';
export const PYTHON_BASE_IMAGE = `${PYTHON_BASE_REPO}:${PYTHON_VERSION}`;
const HASH_LABEL = 'org.actorkit.python-recipe-sha256';

/** Everything the image is made from: its hash, on the image as a label, decides whether a build is needed. */
export const PYTHON_RECIPE = {
  version: 2,
  suite: 'bookworm',
  variant: 'minbase',
  /** Debian's python3 of bookworm is 3.11; the agavepy/tapipy helpers need requests and certifi. */
  packages: [
    'ca-certificates',
    'python3',
    'python-is-python3',
    'python3-requests',
    'python3-certifi',
    'python3-cloudpickle',
  ],
  /**
   * Installed after, with apt inside the tree: debugpy needs pydevd, which needs a gdb, and debootstrap's own
   * resolver would take the full gdb (a hundred more packages, one of which fails to configure there); apt lets
   * gdb-minimal stand for it.
   */
  aptPackages: ['gdb-minimal', 'python3-debugpy'],
  /** Removed from the tree before the import: caches, docs, and what Docker provides itself. */
  prune: [
    'var/cache/apt/archives',
    'var/cache/apt/pkgcache.bin',
    'var/cache/apt/srcpkgcache.bin',
    'var/lib/apt/lists',
    'usr/share/doc',
    'usr/share/man',
    'usr/share/info',
    'dev',
    'etc/hostname',
    'etc/resolv.conf',
  ],
  dockerfile: [
    'FROM scratch',
    'ADD rootfs.tar /',
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PYTHONUNBUFFERED=1',
    'WORKDIR /',
    'CMD ["python3"]',
    '',
  ].join('\n'),
} as const;

export function pythonRecipeHash(): string {
  return createHash('sha256').update(JSON.stringify(PYTHON_RECIPE)).digest('hex');
}

export class PythonBaseImageError extends Error {
  override readonly name = 'PythonBaseImageError';
}

export interface PythonBaseImageOptions {
  images?: ImageClient;
  /** Debian's mirror; default ACTORKIT_DEBIAN_MIRROR, else the one apt uses here, else deb.debian.org. */
  mirror?: string;
  onProgress?: (line: string) => void;
}

/** The Debian mirror apt on this machine uses (deb822 or one-line sources), or Debian's own. */
export async function debianMirror(): Promise<string> {
  if (process.env.ACTORKIT_DEBIAN_MIRROR) return process.env.ACTORKIT_DEBIAN_MIRROR;
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    if (!existsSync(file)) continue;
    const text = await readFile(file, 'utf8');
    const uri =
      /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text)?.[1] ??
      /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m.exec(text)?.[1];
    if (uri) return uri;
  }
  return 'http://deb.debian.org/debian';
}

function runCommand(command: string, args: string[], onLine?: (line: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
        onLine?.(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (cause) =>
      reject(new PythonBaseImageError(`${command} could not start: ${cause.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new PythonBaseImageError(
            `${command} ${args.slice(0, 3).join(' ')} ... ended with ${signal ?? `exit code ${code}`}:\n${tail.join('\n')}`,
          ),
        );
    });
  });
}

/**
 * Builds `actorkit/python:3.11` unless an image made from the same recipe is there already (then it does nothing).
 * Needs root (debootstrap makes a chroot) and `debootstrap` (`apt-get install debootstrap`); downloads only Debian's
 * packages.
 */
export async function ensurePythonBaseImage(options: PythonBaseImageOptions = {}): Promise<BaseImageReport> {
  const images = options.images ?? new DockerImageClient();
  const hash = pythonRecipeHash();
  const existing = await images.inspect(PYTHON_BASE_IMAGE);
  if (existing?.labels[HASH_LABEL] === hash) {
    return {
      image: PYTHON_BASE_IMAGE,
      built: false,
      message: `${PYTHON_BASE_IMAGE} is already present and made from this recipe (${hash.slice(0, 12)})`,
    };
  }
  if (process.getuid?.() !== 0) {
    throw new PythonBaseImageError(
      `building ${PYTHON_BASE_IMAGE} needs root: debootstrap makes a Debian tree in a chroot. Run it as root ` +
        '(e.g. `sudo npm run base-image -- --python`)',
    );
  }
  const debootstrap = ['/usr/sbin/debootstrap', '/sbin/debootstrap'].find((p) => existsSync(p));
  if (!debootstrap) {
    throw new PythonBaseImageError(
      `building ${PYTHON_BASE_IMAGE} needs debootstrap, which is not installed: \`apt-get install debootstrap\``,
    );
  }
  const mirror = options.mirror ?? (await debianMirror());
  const say = options.onProgress ?? (() => undefined);
  // not under /tmp when it is a tmpfs mounted nodev: debootstrap makes device nodes while it works
  const work = await mkdtemp(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'actorkit-python-'));
  try {
    const rootfs = join(work, 'rootfs');
    say(`debootstrap --variant=${PYTHON_RECIPE.variant} ${PYTHON_RECIPE.suite} from ${mirror}`);
    await runCommand(
      debootstrap,
      [
        `--variant=${PYTHON_RECIPE.variant}`,
        `--include=${PYTHON_RECIPE.packages.join(',')}`,
        PYTHON_RECIPE.suite,
        rootfs,
        mirror,
      ],
      say,
    );
    say(`apt-get install ${PYTHON_RECIPE.aptPackages.join(' ')} inside the tree`);
    await copyFile('/etc/resolv.conf', join(rootfs, 'etc/resolv.conf')).catch(() => undefined);
    await runCommand('chroot', [rootfs, 'apt-get', 'update', '-qq'], say);
    await runCommand(
      'chroot',
      [
        rootfs,
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        ...PYTHON_RECIPE.aptPackages,
      ],
      say,
    );
    await runCommand('chroot', [rootfs, 'apt-get', 'clean'], say);
    const python = await readlink(join(rootfs, 'usr/bin/python3')).catch(() => '');
    if (!python.startsWith(`python${PYTHON_VERSION}`)) {
      throw new PythonBaseImageError(
        `the tree's python3 is ${python || 'missing'}, not python${PYTHON_VERSION}: the recipe needs updating`,
      );
    }
    for (const path of PYTHON_RECIPE.prune) await rm(join(rootfs, path), { recursive: true, force: true });
    say('packing the tree');
    await runCommand('tar', [
      '--numeric-owner',
      '--xattrs',
      '-C',
      rootfs,
      '-cf',
      join(work, 'rootfs.tar'),
      '.',
    ]);
    await rm(rootfs, { recursive: true, force: true });
    await writeFile(join(work, 'Dockerfile'), PYTHON_RECIPE.dockerfile);
    const labels = {
      [HASH_LABEL]: hash,
      'org.actorkit.base-image': 'true',
      'org.actorkit.debian-suite': PYTHON_RECIPE.suite,
    };
    await images.build(work, {
      tag: PYTHON_BASE_IMAGE,
      src: ['Dockerfile', 'rootfs.tar'],
      labels,
      onProgress: say,
    });
    return {
      image: PYTHON_BASE_IMAGE,
      built: true,
      message:
        `built ${PYTHON_BASE_IMAGE}: Debian ${PYTHON_RECIPE.suite} (${PYTHON_RECIPE.variant}) from ${mirror} with ` +
        `${[...PYTHON_RECIPE.packages, ...PYTHON_RECIPE.aptPackages].join(', ')}`,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerImageClient, ensureLocalBaseImage, LOCAL_BASE_IMAGE } from '@actorkit/docker';
import { out } from './output.js';

/** The benchmarks' trivial actor, as a file (process runs) and as an image (Docker runs). */
export const TRIVIAL_SCRIPT = fileURLToPath(new URL('../actors/trivial.mjs', import.meta.url));
export const TRIVIAL_IMAGE = 'actorkit-bench/trivial:latest';

/** Label on every container the benchmarks and faults start outside the emulator, so they can be removed. */
export const BENCH_LABEL = 'org.actorkit.bench';

export interface ImageFile {
  /** Path inside the build context. */
  name: string;
  /** A file or folder to copy, or text to write. */
  from: { path: string } | { text: string };
}

/**
 * Builds `tag` FROM the local base image with these files and this command. Reusable images (tagged
 * actorkit-bench/*) are kept between runs; a rebuild with the same files is a layer-cache hit.
 */
export async function buildImage(tag: string, files: ImageFile[], cmd: string[]): Promise<void> {
  const images = new DockerImageClient();
  await ensureLocalBaseImage(images);
  const context = await mkdtemp(join(tmpdir(), 'actorkit-bench-image-'));
  try {
    for (const file of files) {
      const target = join(context, file.name);
      if ('path' in file.from) await cp(file.from.path, target, { recursive: true, dereference: true });
      else await writeFile(target, file.from.text);
    }
    const copies = files.map((f) => `COPY ${f.name} /app/${f.name}`).join('\n');
    await writeFile(
      join(context, 'Dockerfile'),
      `FROM ${LOCAL_BASE_IMAGE}\n${copies}\nCMD ${JSON.stringify(cmd)}\n`,
    );
    const before = await images.inspect(tag);
    const after = await images.build(context, { tag, src: ['Dockerfile', ...files.map((f) => f.name)] });
    // The files changed: the tag moved, and the image it named before would be left dangling.
    if (before && before.id !== after.id) {
      await images
        .remove(before.id)
        .catch((e: unknown) => out.step(`the previous ${tag} stays: ${(e as Error).message}`));
    }
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

export function buildTrivialImage(): Promise<void> {
  return buildImage(
    TRIVIAL_IMAGE,
    [{ name: 'trivial.mjs', from: { path: TRIVIAL_SCRIPT } }],
    ['node', '/app/trivial.mjs'],
  );
}

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureLocalBaseImage, LOCAL_BASE_IMAGE, DockerImageClient } from '@actorkit/docker';
import { FIXTURE_SCRIPT } from './harness.js';

export const ACTOR_IMAGE = 'actorkit-test/actor:latest';
/** The same actor, as user 1000 (run with useContainerUid). */
export const NONROOT_IMAGE = 'actorkit-test/actor-nonroot:latest';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * Builds the fixture images from the local base image: the fixture script plus node-unix-socket and its linux-x64-gnu
 * binary (which proves the native package loads on the scratch base). Cheap to repeat: Docker's layer cache.
 */
export async function buildFixtureImages(): Promise<void> {
  const images = new DockerImageClient();
  await ensureLocalBaseImage(images);
  const context = await mkdtemp(join(tmpdir(), 'actorkit-fixture-'));
  try {
    await cp(FIXTURE_SCRIPT, join(context, 'actor.mjs'));
    for (const name of ['node-unix-socket', 'node-unix-socket-linux-x64-gnu']) {
      await cp(packageDir(name), join(context, 'node_modules', name), { recursive: true });
    }
    await writeFile(
      join(context, 'Dockerfile'),
      `FROM ${LOCAL_BASE_IMAGE}\nCOPY node_modules /app/node_modules\nCOPY actor.mjs /app/actor.mjs\nCMD ["node", "/app/actor.mjs"]\n`,
    );
    await images.build(context, { tag: ACTOR_IMAGE, src: ['Dockerfile', 'actor.mjs', 'node_modules'] });
    await writeFile(join(context, 'Dockerfile.nonroot'), `FROM ${ACTOR_IMAGE}\nUSER 1000:1000\n`);
    await images.build(context, {
      tag: NONROOT_IMAGE,
      src: ['Dockerfile.nonroot'],
      dockerfile: 'Dockerfile.nonroot',
    });
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}

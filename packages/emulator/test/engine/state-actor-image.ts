import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureLocalBaseImage, LOCAL_BASE_IMAGE, DockerImageClient } from '@actorkit/docker';

/** The stateful runtime actor (test/fixtures/state-actor.ts) as an image. */
export const STATE_ACTOR_IMAGE = 'actorkit-test/state-actor:latest';

const SOURCE = fileURLToPath(new URL('../fixtures/state-actor.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** Loaded by the runtime at run time when a result is sent; they sit beside the bundle, as @actorkit/project does. */
const NATIVE_PACKAGES = ['node-unix-socket', 'node-unix-socket-linux-x64-gnu'];
const require = createRequire(import.meta.url);

export interface StateActorBundle {
  /** `<dir>/actor.mjs` and `<dir>/node_modules/<native packages>`. */
  dir: string;
  entry: string;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Bundles the state actor the way `@actorkit/project`'s ActorCompiler does (esbuild, the workspace source condition,
 * the native socket package staged beside the bundle). Not ActorCompiler itself: @actorkit/project depends on this
 * package, so importing it here would close a cycle in the project graph.
 */
export async function bundleStateActor(): Promise<StateActorBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'actorkit-state-actor-'));
  const entry = join(dir, 'actor.mjs');
  await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [SOURCE],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@actorkit/source'],
    external: ['node-unix-socket*'],
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __req } from 'node:module'; const require = __req(import.meta.url);",
    },
  });
  for (const name of NATIVE_PACKAGES) {
    const from = dirname(require.resolve(`${name}/package.json`));
    await cp(from, join(dir, 'node_modules', name), { recursive: true, dereference: true });
  }
  return { dir, entry, [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true }) };
}

/** Builds STATE_ACTOR_IMAGE FROM the local base image (Docker's layer cache makes a repeat cheap). */
export async function buildStateActorImage(): Promise<void> {
  const images = new DockerImageClient();
  await ensureLocalBaseImage(images);
  await using bundle = await bundleStateActor();
  await writeFile(
    join(bundle.dir, 'Dockerfile'),
    `FROM ${LOCAL_BASE_IMAGE}\nCOPY node_modules /app/node_modules\nCOPY actor.mjs /app/actor.mjs\nCMD ["node", "/app/actor.mjs"]\n`,
  );
  await images.build(bundle.dir, {
    tag: STATE_ACTOR_IMAGE,
    src: ['Dockerfile', 'actor.mjs', 'node_modules'],
  });
}

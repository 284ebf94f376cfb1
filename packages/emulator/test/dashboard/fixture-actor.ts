import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { LOCAL_SETTINGS } from '../../src/workers/local-settings.js';

const SOURCE = fileURLToPath(new URL('../fixtures/dashboard-actor.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** Loaded by the runtime when a result is sent; they sit beside the bundle, as the actor builder stages them. */
const NATIVE_PACKAGES = ['node-unix-socket', 'node-unix-socket-linux-x64-gnu'];
const require = createRequire(import.meta.url);

export interface FixtureActor extends AsyncDisposable {
  /** The actor's defaultEnvironment for the process executor: what to run. */
  environment: Record<string, string>;
}

/** The dashboard test actor bundled for the process executor (a local node process per execution). */
export async function bundleDashboardActor(): Promise<FixtureActor> {
  const dir = await mkdtemp(join(tmpdir(), 'actorkit-dashboard-actor-'));
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
  return {
    environment: { [LOCAL_SETTINGS.processCommand]: JSON.stringify([process.execPath, entry]) },
    [Symbol.asyncDispose]: () => rm(dir, { recursive: true, force: true }),
  };
}

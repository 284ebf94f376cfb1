import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImage } from '../../bench/lib/bench-images.js';

/** The fault suite's actor image: actors/fault-actor.mjs and node-unix-socket (for results) on actorkit/node:20. */
export const FAULT_IMAGE = 'actorkit-bench/faults:latest';
const SCRIPT = fileURLToPath(new URL('../actors/fault-actor.mjs', import.meta.url));
const require = createRequire(import.meta.url);

function packageDir(name: string, from?: string): string {
  const resolver = from ? createRequire(`${from}/package.json`) : require;
  return dirname(resolver.resolve(`${name}/package.json`));
}

/** Builds (or finds in the layer cache) the fault image. */
export async function buildFaultImage(): Promise<void> {
  const socketDir = packageDir('node-unix-socket');
  await buildImage(
    FAULT_IMAGE,
    [
      { name: 'fault-actor.mjs', from: { path: SCRIPT } },
      { name: 'node_modules/node-unix-socket', from: { path: socketDir } },
      {
        name: 'node_modules/node-unix-socket-linux-x64-gnu',
        from: { path: packageDir('node-unix-socket-linux-x64-gnu', socketDir) },
      },
    ],
    ['node', '/app/fault-actor.mjs'],
  );
}

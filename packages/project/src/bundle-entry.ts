import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ActorProject } from './actor-config.js';

/** The generated module esbuild bundles, relative to the actor folder. */
export const BUNDLE_ENTRY = '.actorkit/main.ts';

/**
 * Writes the module the bundle starts from: it imports the actor's own entry and runs it through `main()` when
 * the entry's default export is a `defineActor` actor (an entry that runs by itself is left to do so).
 */
export async function writeBundleEntry(project: ActorProject): Promise<string> {
  const target = relative(join(project.dir, '.actorkit'), join(project.dir, project.config.entry))
    .split('\\')
    .join('/');
  const source = [
    `import * as actorModule from './${target}';`,
    'const actor = (actorModule as { default?: { main?: () => Promise<number> } }).default;',
    "if (actor && typeof actor.main === 'function') await actor.main();",
    '',
  ].join('\n');
  await mkdir(join(project.dir, '.actorkit'), { recursive: true });
  await writeFile(join(project.dir, BUNDLE_ENTRY), source);
  return BUNDLE_ENTRY;
}

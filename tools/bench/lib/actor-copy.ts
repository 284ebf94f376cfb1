import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './emulator-process.js';

/** A copy of examples/hello under <repo>/.actorkit/bench/ (inside the workspace, so its imports resolve). */
export interface ActorCopy {
  dir: string;
  source: string;
  original: string;
  /** Writes the source with the greeting prefixed by `marker` (e.g. "Edit 3:"). */
  edit(marker: string): Promise<void>;
  remove(): Promise<void>;
}

export async function copyHello(name: string): Promise<ActorCopy> {
  const dir = join(REPO_ROOT, '.actorkit', 'bench', `${name}-${process.pid}`);
  const source = join(dir, 'src', 'actor.ts');
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src'), { recursive: true });
  await cp(join(REPO_ROOT, 'examples/hello/src/actor.ts'), source);
  await cp(join(REPO_ROOT, 'examples/hello/fixtures'), join(dir, 'fixtures'), { recursive: true });
  const config = JSON.parse(await readFile(join(REPO_ROOT, 'examples/hello/actor.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await writeFile(
    join(dir, 'actor.json'),
    JSON.stringify({ ...config, name, fixtures: ['fixtures/ada.txt'] }, null, 2),
  );
  const original = await readFile(source, 'utf8');
  if (!original.includes('`${env.GREETING'))
    throw new Error('examples/hello/src/actor.ts changed: no `${env.GREETING` to edit');
  return {
    dir,
    source,
    original,
    edit: (marker) => writeFile(source, original.replace('`${env.GREETING', `\`${marker} \${env.GREETING`)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import {
  ActorCompiler,
  BUNDLE_ENTRY,
  contextFiles,
  formatDiagnostic,
  writeBundleEntry,
  type ActorProject,
} from '@actorkit/project';
import { ContainerTierError } from './errors.js';

/** An actor compiled into a private folder: the build context of its image, or what the process executor runs. */
export interface StagedActor {
  /** The staged project: same config, `dir` the private folder. */
  project: ActorProject;
  /** `<dir>/dist/actor.mjs`, with the runtime's native socket package beside it. */
  bundle: string;
  /** sha256 of every staged file but the generated ones: what the image is made of. */
  contentHash: string;
  remove(): Promise<void>;
}

async function filesUnder(dir: string, skip: (rel: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const rel of entries.map((e) => e.split(sep).join('/')).filter((e) => !skip(e))) {
    if ((await stat(join(dir, rel))).isFile()) files.push(rel);
  }
  return files.sort();
}

/**
 * Compiles the actor into a fresh folder of its own (concurrent test files never write the same files): the bundle
 * in `dist/`, and, when the actor brings its own Dockerfile, a copy of its build context. `actor.json` and
 * `package.json` are copied too, as ActorImageBuilder fingerprints them.
 */
export async function stageActor(project: ActorProject): Promise<StagedActor> {
  const dir = await mkdtemp(join(tmpdir(), `actorkit-tier-${project.config.name}-`));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const own = project.dockerfile !== null;
    const copied = own ? await contextFiles(project.dir) : ['actor.json', 'package.json'];
    for (const rel of copied.filter((f) => !f.startsWith('dist/'))) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await copyFile(join(project.dir, rel), join(dir, rel)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT' || own) throw error;
      });
    }
    const entry = relative(dir, join(project.dir, project.config.entry));
    const staged: ActorProject = { ...project, dir, config: { ...project.config, entry } };
    await writeBundleEntry(staged);
    await using compiler = new ActorCompiler({ dir, entry: BUNDLE_ENTRY, outDir: join(dir, 'dist') });
    const result = await compiler.compile();
    if (!result.ok) {
      const problems = result.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n');
      throw new ContainerTierError(`${project.config.name} does not compile:\n${problems}`);
    }
    const hash = createHash('sha256');
    for (const rel of await filesUnder(dir, (f) => f.startsWith('.actorkit/'))) {
      hash
        .update(rel)
        .update('\0')
        .update(await readFile(join(dir, rel)))
        .update('\0');
    }
    return { project: staged, bundle: result.outFile, contentHash: hash.digest('hex'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

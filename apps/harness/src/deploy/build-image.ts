import { join } from 'node:path';
import {
  ActorCompiler,
  ActorImageBuilder,
  BUNDLE_ENTRY,
  formatDiagnostic,
  TypeChecker,
  writeBundleEntry,
  type ActorProject,
} from '@actorkit/project';
import {
  DockerImageClient,
  ImageBuildError,
  pingEngine,
  type EngineHealth,
  type ImageClient,
} from '@actorkit/docker';
import { CommandError } from '../command-error.js';
import { splitTag } from './image-ref.js';

/** The image work deploy needs: ImageClient, and push (DockerImageClient has it; fakes in tests record it). */
export interface DeployImages extends ImageClient {
  push: DockerImageClient['push'];
}
export type RegistryAuth = NonNullable<Parameters<DockerImageClient['push']>[1]>;

export interface ImageSteps {
  images?: DeployImages;
  ping?: () => Promise<EngineHealth>;
}

/** Progress as it happens: a step starting, a line of tool output, a step done. */
export interface DeployProgress {
  step(text: string): void;
  detail(line: string): void;
  done(text: string): void;
}

/** Says, before anything is compiled, that Docker is needed and is not there. */
export async function requireEngine(ping: () => Promise<EngineHealth> = () => pingEngine()): Promise<void> {
  const health = await ping();
  if (health.ok) return;
  const why = health.message.replace(/, or run with .*$/, '');
  throw new CommandError(
    `deploy builds the actor's image with Docker, and ${why}; then run deploy again. ` +
      '(To run actors on this machine without Docker meanwhile: `actorkit up --executor process`.)',
  );
}

/** Bundles the actor into dist/ (as the dev loop does) and, unless skipped, type-checks it. */
export async function compileActor(
  project: ActorProject,
  typecheck: boolean,
  progress: DeployProgress,
): Promise<void> {
  // an actor with only its own Dockerfile (Python or any other language): its image is all there is to build
  if (project.kind === 'dockerfile') return;
  progress.step(`compiling ${project.config.entry}`);
  await writeBundleEntry(project);
  const compiler = new ActorCompiler({
    dir: project.dir,
    entry: BUNDLE_ENTRY,
    outDir: join(project.dir, 'dist'),
  });
  try {
    const result = await compiler.compile();
    if (!result.ok) {
      result.diagnostics.forEach((d) => progress.detail(formatDiagnostic(d)));
      throw new CommandError(
        `${project.config.name} does not compile (${result.diagnostics.length} error(s) above); fix them and deploy again`,
      );
    }
    progress.done(`compiled in ${result.ms} ms`);
  } finally {
    await compiler[Symbol.asyncDispose]();
  }
  if (!typecheck) return;
  const checker = new TypeChecker(project.dir);
  if (!(await checker.available())) return;
  progress.step('type-checking');
  const diagnostics = (await checker.check()) ?? [];
  diagnostics.forEach((d) => progress.detail(formatDiagnostic(d)));
  if (diagnostics.length) {
    throw new CommandError(
      `${diagnostics.length} type error(s) above; fix them (or deploy anyway with --no-typecheck)`,
    );
  }
  progress.done('no type errors');
}

/** Builds the actor's image (always: the image carries the code to the service), then tags it as `ref`. */
export async function buildAndTag(
  project: ActorProject,
  ref: string,
  images: DeployImages,
  progress: DeployProgress,
): Promise<string> {
  const builder = new ActorImageBuilder(project, images);
  const plan = await builder.plan(null);
  progress.step(`building ${project.image} (${plan.baseNote})`);
  const started = performance.now();
  let imageId: string;
  try {
    imageId = await builder.build(plan, (line) => progress.detail(line));
  } catch (error) {
    if (error instanceof ImageBuildError)
      throw new CommandError(`${error.message}; fix the Dockerfile or the build context and deploy again`, {
        cause: error,
      });
    throw error;
  }
  progress.done(`built ${imageId.slice(0, 19)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { repo, tag } = splitTag(ref);
  await images.tag(project.image, repo, tag ?? 'latest');
  progress.done(`tagged ${ref}`);
  return imageId;
}

export function defaultImages(): DeployImages {
  return new DockerImageClient();
}

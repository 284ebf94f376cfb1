import { ActorsClient, type ActorRequest } from '@actorkit/api';
import { loadActorProject, type ActorProject } from '@actorkit/project';
import { actorImage, TIER_IMAGE_REPO } from './actor-image.js';
import { runInvocation, type InvocationContext, type TargetActor } from './container-invocation.js';
import type { ContainerInvokeOptions, ContainerTier, ContainerTierOptions } from './container-tier.js';
import { ContainerTierError } from './errors.js';
import type { InvocationResult } from './invocation-result.js';
import { RecorderClient } from './recorder-client.js';
import { stageActor, type StagedActor } from './stage-actor.js';

const DEFAULT_TIMEOUT_MS = 60_000;
/** Options fixed when the actor is registered: a reused actor cannot change them per invocation. */
const REGISTRATION_OPTIONS = ['stateless', 'token', 'actorName'] as const;

function registration(
  project: ActorProject,
  image: string,
  bundle: string | null,
  o: ContainerInvokeOptions,
): ActorRequest {
  const { config } = project;
  const stateless = o.stateless ?? config.stateless;
  const processCommand = bundle
    ? { ACTORKIT_PROCESS_COMMAND: JSON.stringify([process.execPath, bundle]) }
    : {};
  return {
    image,
    name: o.actorName ?? config.name,
    description: config.description,
    stateless,
    token: o.token ?? config.token,
    hints: config.hints,
    defaultEnvironment: { ...config.defaultEnvironment, ...processCommand },
    ...(stateless && config.maxWorkers !== undefined ? { maxWorkers: config.maxWorkers } : {}),
  };
}

/**
 * The container tier for one actor folder (or a loaded project): compiles it, builds its image (or reuses the image
 * built from the same bundle and base), and runs each invocation as a real message through the emulator.
 *
 * @example
 * await using emulator = await startEmulator();
 * await using counter = await containerActor('examples/counter', { emulator });
 * const run = await counter.invoke({ message: { op: 'add', by: 2 }, state: { count: 40 } });
 */
export async function containerActor(
  dirOrProject: string | ActorProject,
  options: ContainerTierOptions,
): Promise<ContainerTier> {
  const project = typeof dirOrProject === 'string' ? await loadActorProject(dirOrProject) : dirOrProject;
  const { emulator } = options;
  const processExecutor = emulator.executor === 'process';
  let staged: StagedActor | null = null;
  let image = options.image ?? null;
  let imageNote = image ? `using ${image} as given` : '';
  if (!image || processExecutor) {
    staged = await stageActor(project);
    if (processExecutor) {
      image = image ?? `${TIER_IMAGE_REPO}/${project.config.name.toLowerCase()}:process`;
      imageNote = `the process executor runs ${staged.bundle}; no image is built`;
    } else {
      try {
        ({ image, note: imageNote } = await actorImage(staged, options.onBuildProgress));
      } finally {
        await staged.remove();
        staged = null;
      }
    }
  }
  const client = new ActorsClient({
    baseUrl: emulator.url,
    credentials: { kind: 'bearer', token: emulator.token },
  });
  const ctx: InvocationContext = {
    client,
    emulator,
    recorder: emulator.recorderUrl ? new RecorderClient(emulator.recorderUrl, emulator.token) : null,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bundle = staged?.bundle ?? null;
  const register = async (o: ContainerInvokeOptions): Promise<TargetActor> => {
    const actor = await client.add(registration(project, image, bundle, o));
    return { id: actor.id, stateless: actor.stateless };
  };
  const inFlight = new Set<Promise<unknown>>();
  let reused: Promise<TargetActor> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const invokeFresh = async (o: ContainerInvokeOptions) => {
    const actor = await register(o);
    try {
      return await runInvocation(ctx, actor, o, timeoutMs);
    } finally {
      await client.delete(actor.id);
    }
  };
  const invokeReused = (o: ContainerInvokeOptions) => {
    const fixed = REGISTRATION_OPTIONS.filter((k) => o[k] !== undefined);
    if (fixed.length) {
      throw new ContainerTierError(`with reuseActor, ${fixed.join(', ')} cannot change per invocation`);
    }
    reused ??= register({});
    const run = queue.then(async () => runInvocation(ctx, await reused!, o, timeoutMs));
    queue = run.catch(() => undefined); // the next invocation waits for this one, whatever its outcome
    return run;
  };

  const tier: ContainerTier = {
    project,
    image,
    imageNote,
    invoke(o: ContainerInvokeOptions = {}): Promise<InvocationResult> {
      if (disposed)
        return Promise.reject(
          new ContainerTierError(`the container tier of ${project.config.name} is disposed`),
        );
      const run = Promise.resolve().then(() => (options.reuseActor ? invokeReused(o) : invokeFresh(o)));
      inFlight.add(run);
      // Bookkeeping only: the caller gets `run` itself, with its rejection.
      run.then(
        () => inFlight.delete(run),
        () => inFlight.delete(run),
      );
      return run;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await Promise.allSettled([...inFlight]);
      const actor = reused ? await reused.catch(() => null) : null; // a failed registration left nothing behind
      if (actor) await client.delete(actor.id);
      await staged?.remove();
    },
    [Symbol.asyncDispose]: () => tier.dispose(),
  };
  return tier;
}

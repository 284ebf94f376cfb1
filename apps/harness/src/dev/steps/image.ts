import { ActorImageBuilder } from '@actorkit/project';
import { DockerImageClient, type ImageClient } from '@actorkit/docker';
import type { DevStep, RoundState, StepVerdict } from './step.js';

/**
 * Builds the actor's image when what it is made of changed (see ActorImageBuilder.plan), and says which folders
 * each fresh container gets mounted: a save of those reaches the next execution without a build. A save that
 * touches only such files after a settled round skips even the plan.
 */
export class ImageStep implements DevStep {
  readonly name = 'image';

  constructor(private readonly images: ImageClient = new DockerImageClient()) {}

  async run(round: RoundState): Promise<StepVerdict> {
    const { project, emit, signal } = round;
    const n = round.round;
    if (round.executor !== 'docker') {
      if (project.kind === 'typescript') return 'continue';
      emit({
        type: 'error',
        round: n,
        kind: 'user',
        message:
          `${project.config.name} has no ${project.config.entry}: it runs from its own Dockerfile, which needs the ` +
          'Docker executor (the process executor runs TypeScript actors only); start a Docker engine, or point ' +
          '--api at an emulator that uses one',
      });
      return 'stop';
    }
    const builder = new ActorImageBuilder(project, this.images);
    round.mounts.push(...builder.devMounts());
    const changed = round.changed;
    if (changed !== null && round.settled && changed.every((f) => builder.reachesWithoutBuild(f))) {
      emit({
        type: 'build.skipped',
        round: n,
        image: project.image,
        reason: builder.mountsSource
          ? 'image current: a source-only change reaches the next container through the dev mount'
          : 'image current: only files the dev loop reads itself (fixtures) changed',
      });
      return 'continue';
    }
    const plan = await builder.plan(changed);
    signal.throwIfAborted();
    if (!plan.rebuildReason) {
      const why = builder.mountsSource
        ? 'new code reaches the next container through the dev mount'
        : 'nothing it is built from changed';
      emit({ type: 'build.skipped', round: n, image: project.image, reason: `image current: ${why}` });
      return 'continue';
    }
    emit({
      type: 'build.started',
      round: n,
      image: project.image,
      reason: `${plan.rebuildReason}; ${plan.baseNote}`,
    });
    const t = performance.now();
    try {
      await builder.build(plan, (line) => emit({ type: 'build.progress', round: n, line }), signal);
    } catch (error) {
      signal.throwIfAborted();
      const message = (error as Error).message;
      const ms = Math.round(performance.now() - t);
      emit({ type: 'build.finished', round: n, image: project.image, ms, ok: false, message });
      emit({ type: 'error', round: n, kind: 'user', message });
      return 'stop';
    }
    const ms = Math.round(performance.now() - t);
    emit({ type: 'build.finished', round: n, image: project.image, ms, ok: true });
    round.rebuilt = true;
    return 'continue';
  }
}

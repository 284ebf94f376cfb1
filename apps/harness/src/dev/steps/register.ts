import type { Actor, ActorRequest, ActorsClient } from '@actorkit/api';
import type { ActorProject } from '@actorkit/project';
import { LOCAL_DEV_MOUNTS, actorRequest, ActorSync } from '../actor-sync.js';
import type { DevStep, RoundState, StepVerdict } from './step.js';

/**
 * Registers the actor with the emulator, or updates it when actor.json, the image or what the emulator needs to run
 * fresh code changed (forced when the image was rebuilt), and waits until it is READY. After a settled round with
 * the same registration and image, it is reused without asking the emulator anything.
 */
export class RegisterStep implements DevStep {
  readonly name = 'register';
  private readonly sync: ActorSync;
  /** The registration of the last settled round. */
  private last: { request: string; actor: Actor } | null = null;
  private pending: { request: string; actor: Actor } | null = null;

  constructor(project: ActorProject, client: ActorsClient) {
    this.sync = new ActorSync(project, client);
  }

  async run(round: RoundState): Promise<StepVerdict> {
    const environment = { ...round.environment };
    if (round.mounts.length) environment[LOCAL_DEV_MOUNTS] = round.mounts.join(',');
    const request = actorRequest(round.project, environment);
    const key = JSON.stringify(request);
    const last = this.last;
    this.last = null; // set again only when this round settles
    this.pending = null;
    const actor =
      !round.rebuilt && round.settled && last?.request === key
        ? last.actor
        : await this.register(round, request);
    if (!actor) return 'stop';
    round.actor = actor;
    this.pending = { request: key, actor };
    return 'continue';
  }

  roundEnded(_round: RoundState, settled: boolean): void {
    this.last = settled ? this.pending : null;
    this.pending = null;
  }

  private async register(round: RoundState, request: ActorRequest): Promise<Actor | null> {
    const { emit, signal } = round;
    const registration = await this.sync.sync(request, round.rebuilt);
    const { actor } = registration;
    if (registration.changed) {
      emit({
        type: registration.created ? 'actor.registered' : 'actor.updated',
        round: round.round,
        actorId: actor.id,
        image: actor.image,
        revision: actor.revision,
        ms: registration.ms,
      });
    }
    const t = performance.now();
    const ready = await this.sync.waitReady(actor.id, signal);
    emit({
      type: 'actor.ready',
      round: round.round,
      actorId: actor.id,
      status: ready.status,
      ms: Math.round(performance.now() - t),
      message: ready.statusMessage || undefined,
    });
    if (ready.status === 'READY') return ready;
    emit({
      type: 'error',
      round: round.round,
      kind: 'user',
      message: `actor ${actor.id} is ${ready.status}: ${ready.statusMessage}`,
    });
    return null;
  }
}

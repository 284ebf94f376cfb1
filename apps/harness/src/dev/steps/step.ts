import type { Actor, ActorsClient } from '@actorkit/api';
import type { ActorProject } from '@actorkit/project';
import type { DevEventSink } from '../events.js';

/**
 * One round of the dev loop as its steps see it: what started it, the project as read at its start, and what the
 * steps before have left for the ones after (the image rebuilt or not, the environment the registration carries,
 * the registered actor, the failures so far).
 */
export interface RoundState {
  readonly round: number;
  readonly reason: string;
  /** The files whose save started the round, relative to the actor folder; null for a first round. */
  readonly changed: string[] | null;
  /** Aborted when a newer save starts another round; a step stops at the next await that honours it. */
  readonly signal: AbortSignal;
  /** Events of this round: dropped once a newer round has started. */
  readonly emit: DevEventSink;
  readonly client: ActorsClient;
  readonly executor: 'docker' | 'process';
  /**
   * The previous round ran every fixture to COMPLETE: its image and registration still hold, so a save that only
   * touches what the dev mounts carry needs neither an image plan nor a registration.
   */
  readonly settled: boolean;
  /** actor.json, fixtures and the Dockerfile, read anew at the start of the round. */
  readonly project: ActorProject;
  /** The image was built in this round (the registration is then forced, so workers restart on it). */
  rebuilt: boolean;
  /** Added to the actor's defaultEnvironment by the registration: how the emulator runs fresh code. */
  environment: Record<string, string>;
  /** `host:container[:ro]` binds for each fresh container, sent as ACTORKIT_DEV_MOUNTS. */
  mounts: string[];
  /** Set by the registration step once the actor is READY. */
  actor: Actor | null;
  /** Executions that did not end COMPLETE with exit code 0. */
  failed: number;
  /** Other problems that make the round not ok but let it go on (type errors). */
  problems: number;
  /**
   * Executions of this round wait for a debugger (`--inspect-brk`): when a newer save cancels the round, the one
   * in flight is force-quit, or it would wait on, holding the debugger's port.
   */
  waitsForDebugger: boolean;
}

/** What a step tells the loop: go on with the next step, or end the round here as failed. */
export type StepVerdict = 'continue' | 'stop';

/**
 * One step of a round: compile, image, debugger, register, fixtures, type check. Each reports its own DevEvents
 * through `round.emit`. The loop runs the steps it was given in order, and owns scheduling and cancellation.
 */
export interface DevStep {
  readonly name: string;
  run(round: RoundState): Promise<StepVerdict>;
  /** After the round, whichever way it ended (`settled`: every fixture ran to COMPLETE). */
  roundEnded?(round: RoundState, settled: boolean): void;
  /** When the loop stops. */
  dispose?(): Promise<void>;
}

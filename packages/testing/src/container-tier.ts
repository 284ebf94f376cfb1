/**
 * The container tier's types: an actor's image run in real containers through an emulator (its Docker executor, or
 * its process executor), answering the same `InvocationResult` as `invoke()`.
 */
import type { ActorProject } from '@actorkit/project';
import type { InvocationResult } from './invocation-result.js';
import type { SharedInvokeOptions } from './invoker.js';

export interface ContainerInvokeOptions extends SharedInvokeOptions {
  /**
   * Actors (ids or aliases) whose incoming messages count as sent by this execution: `messagesSent` lists the
   * messages queued on them while it ran. Without it `messagesSent` throws when read (the tier cannot tell who sent
   * a message: an execution's token acts as the actor's owner, as on the real service).
   */
  observe?: string[];
  /** Force-quit the execution after this many milliseconds (default: the tier's `timeoutMs`). */
  timeoutMs?: number;
}

/** Where the emulator is: a `TestEmulator`, or what `emulatorGlobalSetup` provides to test files. */
export interface EmulatorConnection {
  /** e.g. `http://127.0.0.1:40123`; the API is under `/actors/v2`. */
  url: string;
  token: string;
  user: string;
  /** What runs executions: images are built only for `docker`. */
  executor: 'docker' | 'process';
  /** The message recorder of an emulator started by @actorkit/testing (for `messagesSent`); absent elsewhere. */
  recorderUrl?: string;
}

export interface ContainerTierOptions {
  emulator: EmulatorConnection;
  /**
   * One actor for every invocation, its state set before each message when `state` is given; invocations then run
   * one at a time. Default false: a fresh actor per invocation (concurrent tests never share state).
   */
  reuseActor?: boolean;
  /** Use this image as it is instead of building one from the folder. */
  image?: string;
  /** Force-quit an execution after this many milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** Each line of the image build's output. */
  onBuildProgress?: (line: string) => void;
}

/** An actor ready to run executions in containers; disposing it deletes the actors it registered. */
export interface ContainerTier extends AsyncDisposable {
  readonly project: ActorProject;
  /** The image executions run (for the process executor: the name the actor is registered with). */
  readonly image: string;
  /** How the image was obtained: built (and why, on which base) or reused. */
  readonly imageNote: string;
  invoke(options?: ContainerInvokeOptions): Promise<InvocationResult>;
  dispose(): Promise<void>;
}

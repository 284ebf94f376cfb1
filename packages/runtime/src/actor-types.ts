import type { ActorMessageResponse, ActorNonce, MessageBody, MessageEnvironment } from '@actorkit/api';
import type { z } from 'zod';
import type { ActorContext } from './context.js';
import type { NonceOptions } from './execution.js';
import type { Platform } from './platform.js';
import type { ResultValue } from './result-encoding.js';

/** What a handler is given: the validated message and state, the context, and the execution's operations. */
export interface HandlerContext<M, S> {
  /** The message, validated by the actor's `message` schema (unvalidated `unknown` without one; null when binary). */
  message: M;
  /** The state at the start, validated by the actor's `state` schema (`{}` when none was stored yet). */
  state: S;
  /** The user's variables: defaultEnvironment and the message's query parameters. */
  env: Record<string, string>;
  context: ActorContext;
  /** The bytes of a binary message. */
  binary(): Promise<Uint8Array>;
  sendResult(value: ResultValue): Promise<void>;
  /** Stores state now; returning `{ state }` does the same once the handler is done. */
  updateState(value: S): Promise<void>;
  sendMessage(
    actorIdOrAlias: string,
    message: MessageBody | Uint8Array,
    environment?: MessageEnvironment,
  ): Promise<ActorMessageResponse>;
  createNonce(options?: NonceOptions): Promise<ActorNonce>;
  listNonces(): Promise<ActorNonce[]>;
  deleteNonce(nonceId: string): Promise<void>;
  /** One line on stdout (the execution's log), formatted like console.log. */
  log(...parts: unknown[]): void;
}

/** What a handler may return: the state to store, and results to send (in order: `result`, then `results`). */
export type HandlerResult<S> =
  void | undefined | { state?: S; result?: ResultValue; results?: ResultValue[] };

export interface ActorDefinition<M extends z.ZodType, S extends z.ZodType> {
  /** Validates the message (the Python literal or JSON of an application/json message, the text of a str one). */
  message?: M;
  /** Validates the state at start, and any state the handler stores. */
  state?: S;
  handler(
    ctx: HandlerContext<z.output<M>, z.output<S>>,
  ): HandlerResult<z.output<S>> | Promise<HandlerResult<z.output<S>>>;
}

/** How one run ended. `exitCode`: 0 done, 1 the handler or a platform call failed, 2 bad input. */
export interface RunOutcome {
  exitCode: number;
  error?: Error;
  resultsSent: number;
  stateStored: boolean;
  durationMs: number;
}

/** An actor made by `defineActor`: importable without running; run by `main()` or by a test tier. */
export interface Actor<M = unknown, S = unknown> {
  readonly kind: 'actorkit.actor';
  /** Runs one execution on `platform`. Never throws and never exits: the outcome says how it went. */
  run(platform: Platform): Promise<RunOutcome>;
  /** Runs this process's execution (process.env, FIFO, results socket) and sets `process.exitCode`. Once only. */
  main(): Promise<number>;
  /** The types the handler sees, for tools such as @actorkit/testing. Not a value. */
  readonly types?: { message: M; state: S };
}

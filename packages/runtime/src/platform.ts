import type { ActorsClient, ActorsClientOptions } from '@actorkit/api';

/** The operations of the actors API an execution uses, as `ActorsClient` offers them. */
export type ActorsApi = Pick<
  ActorsClient,
  'updateState' | 'getState' | 'sendMessage' | 'sendBinaryMessage' | 'addNonce' | 'listNonces' | 'deleteNonce'
>;

/** Where an execution's output goes: the container's stdout and stderr, which are the execution's logs. */
export interface LogSink {
  write(stream: 'stdout' | 'stderr', text: string): void;
}

/**
 * Everything the runtime needs from the world, and nothing more. In a container: process.env, the FIFO, the results
 * socket, an `ActorsClient`, the clock and stdout/stderr (`processPlatform()`). In tests: an in-memory stand-in
 * (`@actorkit/testing`). Every function of the runtime goes through one of these, never around it.
 */
export interface Platform {
  /** The execution's environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The whole binary message. Rejects with `BinaryMessageError` when the execution has none. Called at most once. */
  readBinary(): Promise<Uint8Array>;
  /** Sends one result (one datagram), already encoded and checked against the size limit. */
  sendResult(bytes: Uint8Array): Promise<void>;
  /** An API client with the execution's server and credentials (see `apiSettings`). */
  createClient(settings: ActorsClientOptions): ActorsApi;
  /** Milliseconds, for the run's duration. */
  now(): number;
  readonly log: LogSink;
}

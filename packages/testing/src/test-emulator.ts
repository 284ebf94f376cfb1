import type { ActorsClient } from '@actorkit/api';
import {
  createExecutor,
  executorWorkerPool,
  startEmulator as startEmulatorServer,
  type ExecutorChoice,
  type RunningEmulator,
} from '@actorkit/emulator';
import type { EmulatorConnection } from './container-tier.js';
import { MessageRecorder } from './message-recorder.js';
import { serveRecorder } from './recorder-server.js';

export interface TestEmulatorOptions {
  /** What runs executions. Default `docker` (executions fail, saying why, while the engine is down). */
  executor?: ExecutorChoice;
  /** Keep the store here instead of in memory. */
  dataDir?: string;
  /** The local user: the owner of the actors and the sender of messages. Default `testuser`, as in `invoke()`. */
  user?: string;
  token?: string;
  /** How MSG and the state reach containers. Default `python`, as the real service writes them. */
  messageFormat?: 'python' | 'json';
  /** An execution running longer is stopped by the emulator. Default 5 minutes. */
  maxRunMs?: number;
  /** Default 0: any free port. */
  port?: number;
}

/** An emulator running in this process, with an executor and a worker pool, for tests. */
export interface TestEmulator extends EmulatorConnection, AsyncDisposable {
  /** A client on `/actors/v2` acting as the local user. */
  client: ActorsClient;
  /** Which executor runs executions, and why (e.g. the engine's version). */
  executorReason: string;
  /** What another worker needs to reach it: serialisable, for `project.provide`. */
  connection: EmulatorConnection;
  /** The emulator itself: store, mailbox, clientFor. */
  server: RunningEmulator;
  /** Stops the emulator (and what still runs), the executor and the message recorder. */
  dispose(): Promise<void>;
}

/**
 * Starts an emulator for tests: in memory (or on `dataDir`), with the Docker executor (or `process`, or `auto`) and
 * the worker pool, plus the message recorder `messagesSent` reads. Dispose it (`await using`).
 */
export async function startEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const { executor, reason } = await createExecutor(options.executor ?? 'docker');
  let server: RunningEmulator;
  try {
    server = await startEmulatorServer({
      ...(options.dataDir ? { dataDir: options.dataDir } : { inMemory: true }),
      user: options.user ?? 'testuser',
      ...(options.token ? { token: options.token } : {}),
      port: options.port ?? 0,
      executor,
      workerPool: executorWorkerPool({
        maxRunMs: options.maxRunMs ?? 5 * 60_000,
        messageFormat: options.messageFormat ?? 'python',
      }),
    });
  } catch (error) {
    await executor[Symbol.asyncDispose]();
    throw error;
  }
  const recorder = new MessageRecorder(server.mailbox);
  const recorderServer = await serveRecorder(recorder, server.token);
  const connection: EmulatorConnection = {
    url: server.url,
    token: server.token,
    user: server.user,
    executor: executor.kind,
    recorderUrl: recorderServer.url,
  };
  let disposing: Promise<void> | undefined;
  const dispose = () =>
    (disposing ??= (async () => {
      recorder.close();
      await recorderServer.close();
      await server.dispose();
      await executor[Symbol.asyncDispose]();
    })());
  return {
    ...connection,
    connection,
    client: server.client,
    executorReason: reason,
    server,
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

/** Runs `fn` with a fresh emulator and disposes it afterwards, whether `fn` succeeds or throws. */
export async function withEmulator<T>(
  fn: (emulator: TestEmulator) => Promise<T> | T,
  options: TestEmulatorOptions = {},
): Promise<T> {
  await using emulator = await startEmulator(options);
  return await fn(emulator);
}

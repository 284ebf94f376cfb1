import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { ACTORKIT_ENV, MAX_RESULT_BYTES } from '@actorkit/api';
import { BinaryFifo } from './binary-fifo.js';
import type { ExecutionHooks, ExecutionSpec } from './executor.js';
import { oversizeNotice } from './guarded-hooks.js';
import { ResultsSocket } from './results-socket.js';
import type { RunDirs } from './run-dirs.js';

const debug = createDebug('actorkit:executor');

/** The environment variable with the binary message's size, so the ActorKit runtime reads exactly that much. */
export const BINARY_DATA_SIZE_ENV = ACTORKIT_ENV.binaryDataSize;

/**
 * What one execution is given on the host: its run directory, the results socket in it, and the FIFO holding the
 * binary message (binary messages only). `close` drains the last results and removes all of it.
 */
export class ExecutionFiles {
  private constructor(
    readonly dir: string,
    readonly results: ResultsSocket,
    readonly fifo: BinaryFifo | null,
  ) {}

  static async prepare(
    runDirs: RunDirs,
    spec: ExecutionSpec,
    hooks: Pick<ExecutionHooks, 'onLog' | 'onResult'>,
    pollMs?: number,
  ): Promise<ExecutionFiles> {
    const dir = await runDirs.create(spec.executionId);
    let results: ResultsSocket | undefined;
    try {
      results = await ResultsSocket.open({
        path: join(dir, 'results.sock'),
        onResult: (bytes) => hooks.onResult(bytes),
        onOversize: (bytes) => hooks.onLog(oversizeNotice(bytes, MAX_RESULT_BYTES)),
        pollMs,
      });
      const fifo = spec.binary ? await BinaryFifo.create(join(dir, 'binary.fifo'), spec.binary) : null;
      return new ExecutionFiles(dir, results, fifo);
    } catch (error) {
      await results?.close().catch((e: unknown) => debug('closing the results socket: %O', e));
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The extra environment a binary message brings. */
  get binaryEnv(): Record<string, string> {
    return this.fifo ? { [BINARY_DATA_SIZE_ENV]: String(this.fifo.size) } : {};
  }

  async close(): Promise<void> {
    await this.results
      .close()
      .catch((e: unknown) => debug('closing the results socket %s: %O', this.results.path, e));
    await this.fifo?.close().catch((e: unknown) => debug('closing the FIFO %s: %O', this.fifo?.path, e));
    await rm(this.dir, { recursive: true, force: true });
  }
}

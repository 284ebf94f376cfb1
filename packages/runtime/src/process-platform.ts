import { ACTORKIT_ENV, ActorsClient, BINARY_DATA_PATH, RESULTS_SOCKET_PATH } from '@actorkit/api';
import { readBinaryPipe, type BinaryPipeOptions } from './binary-pipe.js';
import { processOutput } from './output.js';
import type { Platform } from './platform.js';
import { sendDatagram } from './results-socket.js';

export interface ProcessPlatformOptions {
  /** Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  pipe?: BinaryPipeOptions;
}

/**
 * The platform of a real execution: the process's environment, the FIFO at `/_abaco_binary_data`, the results
 * socket at `/_abaco_results.sock` (both moved by `ACTORKIT_BINARY_DATA_PATH` / `ACTORKIT_RESULTS_SOCKET_PATH`, which
 * the local process executor sets), an `ActorsClient`, and stdout/stderr.
 */
export function processPlatform(options: ProcessPlatformOptions = {}): Platform {
  const env = options.env ?? process.env;
  return {
    env,
    readBinary: () => {
      const size = env[ACTORKIT_ENV.binaryDataSize];
      return readBinaryPipe(env[ACTORKIT_ENV.binaryDataPath] || BINARY_DATA_PATH, {
        ...options.pipe,
        ...(size !== undefined && /^\d+$/.test(size) ? { expectedBytes: Number(size) } : {}),
      });
    },
    sendResult: (bytes) => sendDatagram(env[ACTORKIT_ENV.resultsSocketPath] || RESULTS_SOCKET_PATH, bytes),
    createClient: (settings) => new ActorsClient(settings),
    now: () => performance.now(),
    log: processOutput,
  };
}

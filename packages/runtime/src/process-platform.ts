import type { ActorsClient, ActorsClientOptions } from '@actorkit/api';
import { ACTORKIT_ENV, BINARY_DATA_PATH, RESULTS_SOCKET_PATH } from '@actorkit/api/container';
import { readBinaryPipe, type BinaryPipeOptions } from './binary-pipe.js';
import { processOutput } from './output.js';
import type { ActorsApi, Platform } from './platform.js';
import { sendDatagram } from './results-socket.js';

export interface ProcessPlatformOptions {
  /** Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  pipe?: BinaryPipeOptions;
}

/**
 * The platform of a real execution: the process's environment, the FIFO at `/_abaco_binary_data`, the results
 * socket at `/_abaco_results.sock` (both moved by `ACTORKIT_BINARY_DATA_PATH` / `ACTORKIT_RESULTS_SOCKET_PATH`, which
 * the local process executor sets), an `ActorsClient` loaded on first use, and stdout/stderr.
 */
/**
 * An `ActorsApi` whose `ActorsClient` (and with it zod and the schemas) is loaded on the first call: most executions
 * never call the API, and loading the client costs a container some tens of milliseconds at start-up.
 */
export function lazyClient(settings: ActorsClientOptions): ActorsApi {
  let client: Promise<ActorsClient> | undefined;
  const load = () =>
    (client ??= import('@actorkit/api').then(({ ActorsClient }) => new ActorsClient(settings)));
  return {
    updateState: async (...args) => (await load()).updateState(...args),
    getState: async (...args) => (await load()).getState(...args),
    sendMessage: async (...args) => (await load()).sendMessage(...args),
    sendBinaryMessage: async (...args) => (await load()).sendBinaryMessage(...args),
    addNonce: async (...args) => (await load()).addNonce(...args),
    listNonces: async (...args) => (await load()).listNonces(...args),
    deleteNonce: async (...args) => (await load()).deleteNonce(...args),
  };
}

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
    createClient: lazyClient,
    now: () => performance.now(),
    log: processOutput,
  };
}

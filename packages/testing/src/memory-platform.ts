import { BinaryMessageError, type Platform } from '@actorkit/runtime';
import type { ActorsClientOptions } from '@actorkit/api';
import { memoryApi, type MemoryRecord } from './memory-api.js';
import type { InvokeOptions } from './invoke-options.js';

/** An in-memory platform and what it saw: no process, no file, no socket, no network. */
export interface MemoryPlatform extends Platform {
  readonly record: MemoryRecord;
  readonly results: Uint8Array[];
  /** Output in order of writing. */
  readonly output: { stream: 'stdout' | 'stderr'; text: string }[];
  /** The settings the runtime chose for its API client (server, flavour, credentials). */
  clientSettings: ActorsClientOptions | undefined;
}

export function memoryPlatform(
  env: Record<string, string | undefined>,
  options: InvokeOptions,
  username: string,
): MemoryPlatform {
  const record: MemoryRecord = {
    state: options.state ?? {},
    stateUpdates: [],
    messagesSent: [],
    noncesCreated: [],
    noncesDeleted: [],
    nonces: new Map(),
  };
  const api = memoryApi(record, { username, stateless: options.stateless ?? false });
  const platform: MemoryPlatform = {
    env,
    record,
    results: [],
    output: [],
    clientSettings: undefined,
    async readBinary() {
      if (!options.binary) {
        throw new BinaryMessageError('there is no binary message: pass `binary` to invoke() to send one');
      }
      return new Uint8Array(options.binary);
    },
    async sendResult(bytes) {
      platform.results.push(new Uint8Array(bytes));
    },
    createClient(settings) {
      platform.clientSettings = settings;
      return { ...api, ...options.api };
    },
    now: () => performance.now(),
    log: { write: (stream, text) => void platform.output.push({ stream, text }) },
  };
  return platform;
}

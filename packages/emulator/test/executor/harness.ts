import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type {
  ExecutionOutcome,
  ExecutionSpec,
  Executor,
  RunningExecution,
} from '../../src/executor/executor.js';

export const FIXTURE_SCRIPT = fileURLToPath(new URL('../fixtures/actor.mjs', import.meta.url));

/** The bytes the fixture sends as result `index` of `size` bytes. */
export function expectedResult(index: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let j = 0; j < size; j += 1) bytes[j] = (index * 31 + j) % 251;
  return bytes;
}

export function makeSpec(overrides: Partial<ExecutionSpec> = {}): ExecutionSpec {
  const id = `ex-${randomBytes(5).toString('hex')}`;
  return {
    executionId: id,
    actorId: 'actor-test',
    workerId: 'worker-test',
    image: 'actorkit-test/actor:latest',
    env: {},
    maxRunMs: 60_000,
    ...overrides,
  };
}

export interface Collected {
  logs: Buffer[];
  results: Uint8Array[];
  started: { handle: string; startTime: Date }[];
  /** When (epoch ms) each log chunk arrived. */
  logTimes: number[];
  text(): string;
}

export function collector(options: { keepLogs?: boolean } = {}): Collected & {
  hooks: Parameters<Executor['start']>[1];
  logBytes: () => number;
  maxLogChunk: () => number;
} {
  let logBytes = 0;
  let maxLogChunk = 0;
  const c: Collected = {
    logs: [],
    results: [],
    started: [],
    logTimes: [],
    text: () => Buffer.concat(c.logs).toString('utf8'),
  };
  return {
    ...c,
    logBytes: () => logBytes,
    maxLogChunk: () => maxLogChunk,
    hooks: {
      onStarted: (info) => c.started.push(info),
      onLog: (chunk) => {
        logBytes += chunk.length;
        maxLogChunk = Math.max(maxLogChunk, chunk.length);
        c.logTimes.push(Date.now());
        if (options.keepLogs !== false) c.logs.push(Buffer.from(chunk));
        else c.logs.push(Buffer.alloc(0)); // count chunks, keep no bytes
      },
      onResult: (bytes) => c.results.push(bytes),
    },
  };
}

export async function runToEnd(
  executor: Executor,
  spec: ExecutionSpec,
  options: { keepLogs?: boolean } = {},
): Promise<{ outcome: ExecutionOutcome; got: ReturnType<typeof collector>; running: RunningExecution }> {
  const got = collector(options);
  const running = await executor.start(spec, got.hooks);
  const outcome = await running.done;
  return { outcome, got, running };
}

/** Polls `check` until it answers true, or fails after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The one JSON line the fixture prints in FIXTURE_ECHO mode. */
export function echoed(text: string): {
  env: Record<string, string>;
  binary: { size: number; sha256: string; base64: string | null; emptyReads: number } | null;
  uid: number;
  hostname: string;
  memoryLimit: string | null;
  cpuQuota: string | null;
  file: string | null;
} {
  const line = text.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the fixture printed no JSON line; its log was: ${text.slice(0, 2000)}`);
  return JSON.parse(line);
}

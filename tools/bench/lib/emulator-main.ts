/**
 * An emulator in its own process, started as `actorkit up` starts one (createExecutor + startEmulator +
 * executorWorkerPool), from one JSON argument (ChildEmulatorOptions). Prints one JSON line with its URL and token,
 * and stops cleanly on SIGTERM. The benchmarks and the fault suite measure, load and kill it from outside, as a user's
 * client would.
 */
import {
  createExecutor,
  executorWorkerPool,
  startEmulator,
  type Executor,
  type StartEmulatorOptions,
} from '@actorkit/emulator';
import type { ChildEmulatorOptions } from './emulator-process.js';

const options = JSON.parse(process.argv[2] ?? '{}') as ChildEmulatorOptions;
let executor: Executor | null = null;
let reason = 'no executor: messages stay queued (executor paused)';
if (options.executor !== 'none') {
  ({ executor, reason } = await createExecutor(options.executor));
}
const settings: StartEmulatorOptions = {
  port: options.port ?? 0,
  host: '127.0.0.1',
  user: 'bench',
  token: options.token,
  ...(options.dataDir ? { dataDir: options.dataDir } : { inMemory: true }),
  trustJwt: options.trustJwt ?? false,
  ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  ...(options.maxBinaryBytes ? { maxBinaryBytes: options.maxBinaryBytes } : {}),
  ...(options.users ? { users: options.users } : {}),
};
if (executor) {
  settings.executor = executor;
  settings.workerPool = executorWorkerPool(options.pool ?? {});
}
const emu = await startEmulator(settings);
process.stdout.write(`${JSON.stringify({ url: emu.url, token: emu.token, pid: process.pid, reason })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await emu.dispose();
    await executor?.[Symbol.asyncDispose]();
    process.exit(0);
  })();
};
process.on('SIGTERM', stop);
// With --expose-gc (ChildEmulatorOptions.exposeGc): a full collection on request, for the memory benchmark.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) process.on('SIGUSR2', () => gc());
process.on('SIGINT', stop);
// The parent holds our stdin open: when it dies without stopping us (killed, crashed), we stop too.
process.stdin.on('close', stop);
process.stdin.resume();

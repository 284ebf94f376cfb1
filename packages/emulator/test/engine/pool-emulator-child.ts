/**
 * Runs an emulator whose worker pool runs messages in Docker containers, on the data directory given as the first
 * argument, and prints one JSON line: its URL, token, pid and the Docker executor's instance id. The crash test kills
 * it with SIGKILL and starts another on the same directory. Run with
 * `node --conditions=@actorkit/source --import tsx test/engine/pool-emulator-child.ts <dir>`.
 */
import { DockerExecutor, executorWorkerPool, startEmulator } from '../../src/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pool-emulator-child.ts <data-dir>');
const executor = new DockerExecutor();
const emu = await startEmulator({
  dataDir,
  port: 0,
  user: 'owner',
  executor,
  workerPool: executorWorkerPool({ cronIntervalMs: 0 }),
});
const line = { url: emu.url, token: emu.token, pid: process.pid, instanceId: executor.instanceId };
process.stdout.write(`${JSON.stringify(line)}\n`);
const stop = () =>
  void emu
    .dispose()
    .then(() => executor[Symbol.asyncDispose]())
    .then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

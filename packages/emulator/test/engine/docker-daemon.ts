import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { isPidAlive } from '../../src/executor/run-dirs.js';
import { poll } from './wait-for.js';

const run = promisify(execFile);

/** Where this machine's hand-started dockerd writes its log and pid. */
export const DOCKERD_LOG = '/tmp/dockerd.log';
export const DOCKERD_PID_FILE = '/tmp/dockerd.pid';

/** The engine-restart test stops the machine's Docker engine; it runs only when asked. */
export const ENGINE_RESTART_ENV = 'ACTORKIT_ENGINE_RESTART';
export const engineRestartEnabled = process.env[ENGINE_RESTART_ENV] === '1';
export const ENGINE_RESTART_SKIP_REASON =
  `skipped: this test stops and restarts the machine's Docker engine (SIGTERM to dockerd, then a new dockerd), ` +
  `which kills every running container; set ${ENGINE_RESTART_ENV}=1 to run it`;

/** Whether `docker info` answers. */
export async function dockerAnswers(): Promise<boolean> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch (error) {
    void error; // a refused connection or a time-out: the engine does not answer
    return false;
  }
}

async function dockerdPids(): Promise<number[]> {
  try {
    const { stdout } = await run('pgrep', ['-x', 'dockerd']);
    return stdout.split('\n').filter(Boolean).map(Number);
  } catch (error) {
    if ((error as { code?: number }).code === 1) return []; // pgrep: no process matched
    throw error;
  }
}

/** SIGTERM to dockerd; resolves once it has exited and the engine no longer answers (deadline 60 s). */
export async function stopDockerd(): Promise<void> {
  const pids = await dockerdPids();
  if (pids.length === 0) throw new Error('no dockerd process to stop (pgrep -x dockerd found none)');
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  await poll(
    async () => (pids.every((pid) => !isPidAlive(pid)) && !(await dockerAnswers()) ? true : undefined),
    60_000,
    'dockerd stopping',
  );
}

/**
 * Starts dockerd detached (it outlives the test), its output appended to /tmp/dockerd.log and its pid written to
 * /tmp/dockerd.pid, as it was started on this machine; resolves once `docker info` answers (deadline 60 s).
 */
export async function startDockerd(): Promise<void> {
  if ((await dockerdPids()).length === 0) {
    const log = openSync(DOCKERD_LOG, 'a');
    try {
      const child = spawn('dockerd', [], { detached: true, stdio: ['ignore', log, log] });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      child.unref();
      writeFileSync(DOCKERD_PID_FILE, `${child.pid}\n`);
    } finally {
      closeSync(log);
    }
  }
  await poll(async () => ((await dockerAnswers()) ? true : undefined), 60_000, '`docker info` answering');
}

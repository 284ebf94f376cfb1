import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { pingEngine } from '@actorkit/docker';

const run = promisify(execFile);

/** The engine scenario stops this machine's Docker engine: it runs only when this is 1 (CI sets it). */
export const ENGINE_RESTART_ENV = 'ACTORKIT_ENGINE_RESTART';
/** Where a hand-started dockerd's pid and log live on these machines (kept up to date when we restart it). */
const PID_FILE = process.env.ACTORKIT_DOCKERD_PIDFILE ?? '/tmp/dockerd.pid';
const LOG_FILE = process.env.ACTORKIT_DOCKERD_LOG ?? '/tmp/dockerd.log';

export class EngineControlError extends Error {
  override readonly name = 'EngineControlError';
}

/** How to bring the engine back: systemd, or the stopped dockerd's own command line. */
export type StoppedEngine = { kind: 'systemd' } | { kind: 'dockerd'; argv: string[] };

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new EngineControlError(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const answers = async () => (await pingEngine(2000)).ok;

async function dockerdPid(): Promise<number> {
  if (process.env.ACTORKIT_DOCKERD_PIDFILE) return Number(readFileSync(PID_FILE, 'utf8').trim());
  const { stdout } = await run('pgrep', ['-x', 'dockerd']).catch((error: { code?: number }) => {
    if (error.code === 1)
      throw new EngineControlError('no dockerd process runs (pgrep -x dockerd found none)');
    throw error;
  });
  const pids = stdout.split('\n').filter(Boolean).map(Number);
  if (pids.length !== 1)
    throw new EngineControlError(`expected one dockerd, found ${pids.length}: set ACTORKIT_DOCKERD_PIDFILE`);
  return pids[0] as number;
}

/** Stops the engine (systemd's docker service, else SIGTERM to dockerd) and waits until it no longer answers. */
export async function stopEngine(): Promise<StoppedEngine> {
  if (existsSync('/run/systemd/system')) {
    await run('systemctl', ['stop', 'docker.socket', 'docker.service']);
    await until(async () => !(await answers()), 60_000, 'the engine stopping');
    return { kind: 'systemd' };
  }
  const pid = await dockerdPid();
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  process.kill(pid, 'SIGTERM');
  await until(
    async () => !existsSync(`/proc/${pid}`) && !(await answers()),
    60_000,
    `dockerd (pid ${pid}) stopping`,
  );
  return { kind: 'dockerd', argv };
}

/** Starts the engine again as it was, detached (it outlives this process), and waits until it answers. */
export async function startEngine(stopped: StoppedEngine): Promise<void> {
  if (stopped.kind === 'systemd') {
    await run('systemctl', ['start', 'docker.service']);
  } else {
    const [command = 'dockerd', ...args] = stopped.argv;
    const log = openSync(LOG_FILE, 'a');
    try {
      const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      child.unref();
      if (existsSync(PID_FILE)) writeFileSync(PID_FILE, `${child.pid}\n`);
    } finally {
      closeSync(log);
    }
  }
  await until(answers, 90_000, 'the engine answering again');
}

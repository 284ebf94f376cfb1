import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ActorsClient, type ApiFlavour } from '@actorkit/api';
import type { EmulatorUser, ExecutorPoolSettings } from '@actorkit/emulator';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./emulator-main.ts', import.meta.url));

export interface ChildEmulatorOptions {
  /** `none`: no worker pool, messages stay queued (the executor paused). */
  executor: 'docker' | 'process' | 'auto' | 'none';
  /** On disk, as `actorkit up` keeps it; in memory when absent. */
  dataDir?: string;
  port?: number;
  token?: string;
  pool?: Omit<ExecutorPoolSettings, 'executor' | 'clock' | 'fetch'>;
  trustJwt?: boolean;
  maxBodyBytes?: number;
  maxBinaryBytes?: number;
  users?: EmulatorUser[];
  /** Start Node with `--expose-gc`, so that `collectGarbage()` can ask for a full collection. */
  exposeGc?: boolean;
}

export class ChildEmulatorError extends Error {
  override readonly name = 'ChildEmulatorError';
}

/** An emulator in a child process: its URL, token, a client, and ways to stop or kill it. */
export class ChildEmulator implements AsyncDisposable {
  stderr = '';
  private constructor(
    readonly process: ChildProcess,
    readonly url: string,
    readonly token: string,
    readonly pid: number,
    /** Which executor runs executions, and why (as `actorkit up` prints it). */
    readonly reason: string,
  ) {
    process.stderr?.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-20_000)));
  }

  static async start(
    options: ChildEmulatorOptions,
    env: NodeJS.ProcessEnv = process.env,
  ): Promise<ChildEmulator> {
    // ACTORKIT_BENCH_NODE_ARGS: extra Node flags for the emulator process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
    const extra = (env.ACTORKIT_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    if (options.exposeGc) extra.push('--expose-gc');
    const child = spawn(
      process.execPath,
      [...extra, '--conditions=@actorkit/source', '--import', 'tsx', MAIN, JSON.stringify(options)],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env }, // stdin: closes when we die
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const line = await Promise.race([
        once(createInterface({ input: child.stdout }), 'line').then(([l]) => String(l)),
        once(child, 'exit').then(([code]) => {
          throw new ChildEmulatorError(
            `the emulator exited (${String(code)}) before it printed its URL: ${stderr}`,
          );
        }),
      ]);
      const info = JSON.parse(line) as { url: string; token: string; pid: number; reason: string };
      const emu = new ChildEmulator(child, info.url, info.token, info.pid, info.reason);
      emu.stderr = stderr;
      return emu;
    } finally {
      clearTimeout(timer);
    }
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  client(flavour: ApiFlavour = 'v2'): ActorsClient {
    return new ActorsClient({
      baseUrl: this.url,
      flavour,
      credentials: { kind: 'bearer', token: this.token },
    });
  }

  /** Resident memory of the emulator process, in bytes (VmRSS). */
  async rssBytes(): Promise<number> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (!kb) throw new ChildEmulatorError(`no VmRSS for pid ${this.pid}`);
    return Number(kb) * 1024;
  }

  /**
   * A full garbage collection in the emulator (started with `exposeGc`): SIGUSR2, which emulator-main.ts answers
   * with `gc()`, then a pause for the freed pages to go back to the system.
   */
  async collectGarbage(settleMs = 500): Promise<void> {
    process.kill(this.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, settleMs));
  }

  /** SIGKILL, as a crash: no clean shutdown. */
  async kill9(): Promise<void> {
    if (!this.alive) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait (SIGKILL after 20 s). */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = once(this.process, 'exit');
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

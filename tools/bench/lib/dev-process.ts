import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { REPO_ROOT } from './emulator-process.js';

export type DevEvent = { type: string; round?: number; at: number } & Record<string, unknown>;

/** `actorkit dev --json` as a child process; every event is kept with the time (performance.now) it arrived. */
export class DevProcess implements AsyncDisposable {
  readonly events: DevEvent[] = [];
  private readonly child: ChildProcess;
  private stderr = '';
  private waiters: { match: (e: DevEvent) => boolean; resolve: (e: DevEvent) => void }[] = [];

  constructor(args: string[]) {
    const bin = join(REPO_ROOT, 'apps/harness/bin/actorkit.js');
    this.child = spawn(process.execPath, [bin, 'dev', ...args, '--json'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const at = performance.now();
      let event: DevEvent;
      try {
        event = { ...(JSON.parse(line) as Record<string, unknown>), at } as DevEvent;
      } catch (error) {
        this.stderr += `(not JSON on stdout: ${(error as Error).message}) ${line}\n`;
        return;
      }
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-10_000)));
  }

  /** The first event at or after index `from` of `events` (default: from now on) that matches, within `ms`. */
  next(
    match: (e: DevEvent) => boolean,
    what: string,
    ms = 120_000,
    from = this.events.length,
  ): Promise<DevEvent> {
    const seen = this.events.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const tail = this.events
          .slice(-6)
          .map((e) => JSON.stringify(e))
          .join('\n');
        reject(new Error(`no ${what} within ${ms} ms; last events:\n${tail}\nstderr:\n${this.stderr}`));
      }, ms);
      this.waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  logsOf(round: number): string {
    return this.events
      .filter((e) => e.round === round && e.type === 'execution.log')
      .map((e) => String(e.text))
      .join('');
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

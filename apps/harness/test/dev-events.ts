import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/actorkit.js', import.meta.url));

export type JsonEvent = { type: string; round?: number } & Record<string, unknown>;

/** `actorkit dev --json` as a child process, with its events collected and awaited by predicate. */
export class DevProcess implements AsyncDisposable {
  readonly events: JsonEvent[] = [];
  private readonly child: ChildProcess;
  private stderr = '';
  private waiters: { match: (e: JsonEvent) => boolean; resolve: (e: JsonEvent) => void }[] = [];

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [BIN, 'dev', ...args, '--json'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let event: JsonEvent;
      try {
        event = JSON.parse(line) as JsonEvent;
      } catch {
        this.stderr += `(not JSON on stdout) ${line}\n`;
        return;
      }
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString('utf8')));
  }

  /** The first event (already seen or yet to come) that matches, within `ms`. */
  next(match: (e: JsonEvent) => boolean, what: string, ms = 60_000): Promise<JsonEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const tail = this.events
          .slice(-8)
          .map((e) => JSON.stringify(e))
          .join('\n');
        reject(new Error(`no ${what} within ${ms} ms; last events:\n${tail}\nstderr:\n${this.stderr}`));
      }, ms);
      this.waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  roundFinished(round: number): Promise<JsonEvent> {
    return this.next((e) => e.type === 'round.finished' && e.round === round, `round ${round} to finish`);
  }

  inRound(round: number, type: string): JsonEvent[] {
    return this.events.filter((e) => e.round === round && e.type === type);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
  }
}

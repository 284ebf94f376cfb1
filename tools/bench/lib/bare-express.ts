import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './emulator-process.js';

const MAIN = fileURLToPath(new URL('./bare-express-main.ts', import.meta.url));

/** The bare Express reference in its own process (as the emulator is in its own). */
export class BareExpress implements AsyncDisposable {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(bodies: { getBody: unknown; postBody: unknown }): Promise<BareExpress> {
    const child = spawn(
      process.execPath,
      ['--conditions=@actorkit/source', '--import', 'tsx', MAIN, JSON.stringify(bodies)],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }, // stdin: closes when we die
    );
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    return new BareExpress(child, (JSON.parse(line) as { url: string }).url);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}

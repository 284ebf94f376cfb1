import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const CHILD = fileURLToPath(new URL('./emulator-child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildEmulator {
  url: string;
  token: string;
  /** Everything the child printed on its first line (url and token included). */
  info: Record<string, unknown>;
  process: ChildProcess;
  /** SIGKILL: no clean shutdown, as a crash. Resolves once the process is gone. */
  kill9(): Promise<void>;
}

export interface SpawnOptions {
  /** The script to run (default test/api/emulator-child.ts); it prints one JSON line with at least url and token. */
  script?: string;
}

/** Starts an emulator in a child Node process on `dataDir` and waits for its URL (deadline 20 s). */
export async function spawnEmulator(dataDir: string, options: SpawnOptions = {}): Promise<ChildEmulator> {
  const child = spawn(
    process.execPath,
    ['--conditions=@actorkit/source', '--import', 'tsx', options.script ?? CHILD, dataDir],
    {
      cwd: PACKAGE_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    const first = await Promise.race([
      once(lines, 'line').then(([l]) => String(l)),
      once(child, 'exit').then(([code]) => {
        throw new Error(`the emulator child exited (${String(code)}) before it printed its URL: ${stderr}`);
      }),
    ]);
    const info = JSON.parse(first) as { url: string; token: string } & Record<string, unknown>;
    return {
      url: info.url,
      token: info.token,
      info,
      process: child,
      kill9: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

import { execFile, spawn } from 'node:child_process';

/** A docker CLI command that failed: the command and what the CLI said. */
export class DockerCliError extends Error {
  override readonly name = 'DockerCliError';
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `docker <args>` (the CLI, as a user would), bounded in time; answers its exit code and output. */
export function dockerCli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile('docker', args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - started;
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (error && code === -1) {
        reject(new DockerCliError(`docker ${args.join(' ')}: ${error.message}`, { cause: error }));
        return;
      }
      resolve({ code, stdout: String(stdout), stderr: String(stderr), ms });
    });
  });
}

/** Runs `docker <args>` and fails unless it exits 0; answers stdout. */
export async function dockerOk(args: string[], timeoutMs?: number): Promise<string> {
  const result = await dockerCli(args, timeoutMs);
  if (result.code !== 0) {
    throw new DockerCliError(
      `docker ${args.slice(0, 3).join(' ')} … exited ${result.code}: ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}

/** `-e K=V` pairs for docker run. */
export function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
}

/**
 * `docker run --rm --network host -e ... <image>` through the CLI, timed from the spawn to the CLI's exit (which,
 * with --rm, waits for the container's removal).
 */
export async function timedDockerRun(
  image: string,
  env: Record<string, string>,
  label: string,
): Promise<number> {
  const args = ['run', '--rm', '--network', 'host', '--label', label, ...envArgs(env), image];
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (c) => {
      clearTimeout(timer);
      if (c !== 0) reject(new DockerCliError(`docker run ${image} exited ${String(c)}: ${stderr.trim()}`));
      else resolve(c);
    });
  });
  void code;
  return performance.now() - started;
}

/** Removes every container (running or not) carrying this label. */
export async function removeLabelled(label: string): Promise<number> {
  const ids = (await dockerOk(['ps', '-aq', '--filter', `label=${label}`])).split('\n').filter(Boolean);
  if (ids.length) await dockerCli(['rm', '-f', ...ids]);
  return ids.length;
}

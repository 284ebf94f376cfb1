import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';
import { createOutput, type Output } from '../src/output.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/actorkit.js', import.meta.url));
/** A small actor for the process executor: see the header of the script. */
export const ECHO_ACTOR = fileURLToPath(new URL('./fixtures/echo-actor.mjs', import.meta.url));

export interface Captured {
  out: Output;
  text: { out: string; err: string };
}

export function capture(tty = false): Captured {
  const text = { out: '', err: '' };
  const stream = (key: 'out' | 'err') =>
    Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          text[key] += String(chunk);
          done();
        },
      }),
      { isTTY: tty },
    );
  return { text, out: createOutput({ stdout: stream('out'), stderr: stream('err'), env: {} }) };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, as `actorkit <argv>`, capturing what it prints. */
export async function cli(
  argv: string[],
  run: (argv: string[], out: Output) => Promise<number> = main,
): Promise<RunResult> {
  const c = capture();
  const code = await run(argv, c.out);
  return { code, stdout: c.text.out, stderr: c.text.err };
}

/** The parsed JSON a command printed with -o json. */
export function jsonOf<T = unknown>(r: RunResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch (cause) {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`, { cause });
  }
}

/** Runs the real bin, as a user would. */
export function bin(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: options.cwd ?? ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ACTORKIT_API: '', ACTORKIT_TOKEN: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The emulator's connection flags for a command. */
export const connection = (emu: { url: string; token: string }) => ['--api', emu.url, '--token', emu.token];

/** A port nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `check` answers a value, or fails after the deadline. */
export async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

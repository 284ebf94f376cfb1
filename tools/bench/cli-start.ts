/**
 * Benchmark 8: the CLI's start. `actorkit --help` to its exit, and `actorkit up` until GET /actors/v2 answers, each
 * beside a bare `node -e 0` in the same run, the three alternating.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIfMain, type Benchmark } from './lib/benchmark.js';
import { REPO_ROOT } from './lib/emulator-process.js';
import { round, summarize, type Summary } from './lib/stats.js';

const BIN = join(REPO_ROOT, 'apps/harness/bin/actorkit.js');
const BUILT_MAIN = join(REPO_ROOT, 'apps/harness/dist/main.js');
const TOKEN = 'cli-start-bench';
/** The pause between two tries of GET /actors/v2 while `up` starts. */
const POLL_MS = 2;
/** Linux's clock tick for /proc/<pid>/stat times. */
const TICK_MS = 10;

/** Runs a command to its exit; answers the ms from spawn to exit. */
function timedRun(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr}`));
    });
  });
}

/** A port nothing listens on (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET /actors/v2 with the token: the status, or 0 when nothing answers yet. */
function status(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/actors/v2', headers: { authorization: `Bearer ${TOKEN}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** The CPU (user + system) a live process has used so far, from /proc; NaN where there is none. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

interface UpSample {
  ms: number;
  cpuMs: number;
  /** What `up` said it runs executions with. */
  executor: string;
}

/** Starts `actorkit up` and answers the ms from spawn to the first 200 of GET /actors/v2; then stops it. */
async function timedUp(dataDir: string): Promise<UpSample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'up', '--port', String(port), '--data-dir', dataDir, '--token', TOKEN],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  // 'close': after the output streams have ended too
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  let ms = 0;
  let cpu = Number.NaN;
  try {
    for (;;) {
      if (gone) throw new Error(`actorkit up exited before it answered:\n${output}`);
      if ((await status(port)) === 200) break;
      if (performance.now() - started > 60_000)
        throw new Error(`actorkit up did not answer in 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    ms = performance.now() - started;
    cpu = cpuMs(child.pid!);
    // untimed: let it finish starting (its banner, its signal handlers), so SIGTERM stops it as a user's Ctrl-C does
    const deadline = performance.now() + 20_000;
    while (!output.includes('stops it') && !gone && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  const executor = /executor:\s+(.*)/.exec(output)?.[1]?.trim() ?? '?';
  return { ms, cpuMs: cpu, executor };
}

const row = (label: string, s: Summary) => [
  label,
  round(s.median, 1),
  round(s.p95, 1),
  round(s.min, 1),
  round(s.max, 1),
];

export const cliStart: Benchmark = {
  name: 'cli-start',
  title: '`actorkit --help` and `actorkit up` start, against `node -e 0`',
  about:
    'Spawns the installed CLI as a user runs it (`node apps/harness/bin/actorkit.js`, the compiled build) and ' +
    'times, from spawn, `actorkit --help` to its exit and `actorkit up` until `GET /actors/v2` with its token ' +
    'answers 200 (tried every 2 ms; the store on disk in a temporary folder, kept from one start to the next as a ' +
    "user's `.actorkit` is; the executor `up` picks by default, Docker when the engine answers). The reference is " +
    'a bare `node -e 0`, spawned and timed the same way. The three alternate, round after round, so each sees the ' +
    'same machine. The CPU `up` had used when it answered is read from /proc beside it.',
  analysis:
    "The help loads the command table only: each command's module is imported when that command runs, and none " +
    'of `--help` imports the emulator, the Docker client, esbuild or the TypeScript compiler (a test in ' +
    'apps/harness holds every command to that). `up` loads the emulator (express, zod and the API schemas, the ' +
    'SQLite store) and answers before it has loaded the Docker client: the engine is pinged and the leftover ' +
    'containers are listed with one plain HTTP request each, and dockerode (a sixth of a second with its SSH and ' +
    'gRPC dependencies) loads when the first container is created. What made the difference is the number of ' +
    "modules: the CLI is built into one ES module with lazily loaded chunks, the emulator and the CLI's pure " +
    'JavaScript dependencies inlined (one copy of each package version), where `up` had loaded some 200 CommonJS ' +
    'files besides the ES modules of zod, the API and the emulator, each compiled on its own (Node 20 has no ' +
    'compile cache). What is left is V8 ' +
    'compiling the bundle (about 50 ms), building the API schemas and the express app, and opening the store.',
  async run({ quick }) {
    if (!existsSync(BUILT_MAIN)) {
      throw new Error(
        `${BUILT_MAIN} is missing: build the CLI first (npm run build, or npm ci, which builds)`,
      );
    }
    const rounds = quick ? 5 : 20;
    const warmUp = 2;
    const dataDir = await mkdtemp(join(tmpdir(), 'actorkit-bench-cli-'));
    const bare: number[] = [];
    const help: number[] = [];
    const up: UpSample[] = [];
    try {
      for (let i = 0; i < warmUp + rounds; i++) {
        const b = await timedRun(['-e', '0']);
        const h = await timedRun([BIN, '--help']);
        const u = await timedUp(dataDir);
        if (i < warmUp) continue;
        bare.push(b);
        help.push(h);
        up.push(u);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    const sBare = summarize(bare);
    const sHelp = summarize(help);
    const sUp = summarize(up.map((u) => u.ms));
    const upCpu = summarize(up.map((u) => u.cpuMs));
    const helpRatio = round(sHelp.median / sBare.median, 2);
    const upRatio = round(sUp.median / sBare.median, 2);
    const executors = [...new Set(up.map((u) => u.executor))].join(', ');
    return {
      name: cliStart.name,
      title: cliStart.title,
      headers: ['series', 'median ms', 'p95 ms', 'min ms', 'max ms'],
      rows: [
        row('reference: node -e 0', sBare),
        row('actorkit --help', sHelp),
        row('actorkit up, spawn to GET /actors/v2 answered', sUp),
        row('actorkit up, CPU used by then', upCpu),
        ['ratio --help / node -e 0', helpRatio, '', '', ''],
        ['ratio up / node -e 0', upRatio, '', '', ''],
      ],
      targets: [
        { label: 'actorkit --help / node -e 0 (medians)', value: helpRatio, limit: 2.5, kind: 'at-most' },
        { label: 'actorkit up answering / node -e 0 (medians)', value: upRatio, limit: 4, kind: 'at-most' },
      ],
      notes: [
        `${rounds} rounds after ${warmUp} warm-up rounds, each: node -e 0, actorkit --help, actorkit up (stopped with SIGTERM once it had started)`,
        `up ran executions with: ${executors}; its store on disk, reused from one start to the next`,
      ],
      data: { bare: sBare, help: sHelp, up: sUp, upCpu },
    };
  },
};

await runIfMain(import.meta.url, cliStart);

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_ENTRY,
  loadActorProject,
  NATIVE_PACKAGES,
  stageNativePackages,
  writeBundleEntry,
} from '@actorkit/project';
import * as esbuild from 'esbuild';
import { LOCAL_BASE_IMAGE } from '@actorkit/docker';
import { executionEnv } from '@actorkit/testing';
import type { ActorCopy } from './actor-copy.js';
import { BENCH_LABEL } from './bench-images.js';
import { dockerCli, dockerOk, envArgs } from './docker-cli.js';

export const BY_HAND_IMAGE = 'actorkit-bench/hello-by-hand:latest';

function runCapture(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout })));
  });
}

/**
 * A developer's own esbuild step: the actor and everything it imports in one file, incrementally (an esbuild
 * context kept across saves, which is kinder to the reference than running the esbuild CLI each time).
 */
async function plainBundler(dir: string): Promise<{ bundle(): Promise<boolean>; dispose(): Promise<void> }> {
  const outDir = join(dir, 'dist');
  const context = await esbuild.context({
    absWorkingDir: dir,
    entryPoints: [join(dir, BUNDLE_ENTRY)],
    outfile: join(outDir, 'actor.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@actorkit/source'],
    external: NATIVE_PACKAGES,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  await stageNativePackages(outDir);
  return {
    bundle: async () => (await context.rebuild()).errors.length === 0,
    dispose: () => context.dispose(),
  };
}

/**
 * What a developer does by hand after a save, without the dev loop: bundle (their own esbuild step: one file, with
 * no vendor split), `docker build` the image (FROM actorkit/node:20, COPY dist), `docker run --rm` it with the
 * environment the service gives. `edit(i)` answers ms from the write to the container's exit.
 */
export class ByHandLoop implements AsyncDisposable {
  private readonly imageIds: string[] = [];
  /** Per edit: ms of the bundle, the `docker build` and the `docker run`. */
  readonly parts: { bundle: number; build: number; run: number }[] = [];

  private constructor(
    private readonly copy: ActorCopy,
    private readonly bundler: Awaited<ReturnType<typeof plainBundler>>,
    private readonly dockerDir: string,
  ) {}

  static async open(copy: ActorCopy): Promise<ByHandLoop> {
    const project = await loadActorProject(copy.dir);
    await writeBundleEntry(project);
    const bundler = await plainBundler(copy.dir);
    const dockerDir = await mkdtemp(join(tmpdir(), 'actorkit-bench-byhand-'));
    const loop = new ByHandLoop(copy, bundler, dockerDir);
    try {
      await writeFile(
        join(dockerDir, 'Dockerfile'),
        `FROM ${LOCAL_BASE_IMAGE}\nWORKDIR /app\nCOPY dist/ /app/dist/\nCMD ["node", "/app/dist/actor.mjs"]\n`,
      );
      await writeFile(join(copy.dir, '.dockerignore'), 'src\nfixtures\n.actorkit\n');
      if (!(await bundler.bundle())) throw new Error('the copy of examples/hello does not compile');
      return loop;
    } catch (error) {
      await loop[Symbol.asyncDispose]();
      throw error;
    }
  }

  async edit(i: number): Promise<number> {
    const marker = `ByHand ${i}:`;
    const env = executionEnv(
      { message: 'Ada', env: { GREETING: 'Hello' }, actorName: 'hello' },
      { actorId: 'BYHAND', executionId: `BYHAND${i}`, username: 'bench' },
    );
    const defined = Object.fromEntries(
      Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const started = performance.now();
    await this.copy.edit(marker);
    if (!(await this.bundler.bundle())) throw new Error(`edit ${i} does not compile`);
    const bundled = performance.now();
    const dockerfile = join(this.dockerDir, 'Dockerfile');
    this.imageIds.push(
      (await dockerOk(['build', '-q', '-t', BY_HAND_IMAGE, '-f', dockerfile, this.copy.dir])).trim(),
    );
    const built = performance.now();
    const run = await runCapture([
      'run',
      '--rm',
      '--network',
      'host',
      '--label',
      BENCH_LABEL,
      ...envArgs(defined),
      BY_HAND_IMAGE,
    ]);
    const ended = performance.now();
    const ms = ended - started;
    this.parts.push({ bundle: bundled - started, build: built - bundled, run: ended - built });
    if (run.code !== 0 || !run.stdout.includes(`${marker} Hello, Ada!`)) {
      throw new Error(`by-hand edit ${i}: exit ${String(run.code)}, output ${run.stdout.slice(0, 300)}`);
    }
    return ms;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.bundler.dispose();
    await rm(this.dockerDir, { recursive: true, force: true });
    await dockerCli(['rmi', '-f', BY_HAND_IMAGE, ...new Set(this.imageIds)]);
  }
}

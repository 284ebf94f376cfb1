import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  toContainerClientError,
  type ContainerClient,
  type ContainerSpec,
  type ImageClient,
} from '@actorkit/docker';
import { DockerExecutor } from './docker-executor.js';
import type { ExecutionSpec } from './executor.js';

/** A container client that runs nothing: each container exits when told to, or when killed (137). */
class FakeContainers implements ContainerClient {
  created: ContainerSpec[] = [];
  removed: string[] = [];
  failStart: unknown = null;
  failCreate: unknown = null;
  ignoreKill = false;
  private exit: ((code: number) => void) | null = null;
  private exited = new Promise<number>((resolve) => (this.exit = resolve));

  finish(code: number): void {
    this.exit?.(code);
  }
  async create(spec: ContainerSpec): Promise<string> {
    if (this.failCreate) throw toContainerClientError('creating c1', this.failCreate);
    this.created.push(spec);
    return 'c1';
  }
  async attach(_id: string, onChunk: (s: 'stdout' | 'stderr', b: Uint8Array) => void) {
    onChunk('stdout', Buffer.from('hello\n'));
    return { ended: this.exited.then(() => undefined), close: () => undefined };
  }
  async start(): Promise<void> {
    if (this.failStart) throw toContainerClientError('starting c1', this.failStart);
  }
  wait = (): Promise<number> => this.exited;
  async kill(): Promise<void> {
    if (!this.ignoreKill) this.finish(137);
  }
  async remove(id: string): Promise<void> {
    this.removed.push(id);
  }
  async inspect() {
    const now = new Date().toISOString();
    return {
      Status: 'exited',
      Running: false,
      ExitCode: 0,
      OOMKilled: false,
      Error: '',
      StartedAt: now,
      FinishedAt: now,
      Pid: 0,
    };
  }
  async stats() {
    return { close: () => undefined };
  }
  async listByLabel() {
    return [];
  }
}

const images = (inspect: ImageClient['inspect']): ImageClient => ({
  inspect,
  build: () => Promise.reject(new Error('not here')),
  tag: () => Promise.resolve(),
  remove: () => Promise.resolve(),
});
const present = images(async (ref) => ({ id: 'sha256:x', tags: [ref], labels: {}, sizeBytes: 1 }));
const spec = (over: Partial<ExecutionSpec> = {}): ExecutionSpec => ({
  executionId: 'e1',
  actorId: 'a1',
  workerId: 'w1',
  image: 'some/actor:1',
  env: { A: '1' },
  maxRunMs: 60_000,
  ...over,
});
const quiet = { onLog: () => undefined, onResult: () => undefined };

describe('DockerExecution with a fake engine', () => {
  let runtimeDir: string;
  beforeEach(async () => {
    runtimeDir = await mkdtemp(join(tmpdir(), 'ak-fake-'));
  });
  afterEach(async () => {
    await rm(runtimeDir, { recursive: true, force: true });
  });

  it('reports an engine that does not answer as a platform error saying how to start it', async () => {
    const down = Object.assign(new Error('connect ENOENT /var/run/docker.sock'), {
      code: 'ENOENT',
      syscall: 'connect',
    });
    const containers = new FakeContainers();
    containers.failCreate = down;
    const executor = new DockerExecutor({
      runtimeDir,
      containers,
      images: images(() => Promise.reject(down)),
    });
    const outcome = await (await executor.start(spec(), quiet)).done;
    expect(outcome.platformError).toMatch(/does not answer at .*Start it/);
    expect((await executor.checkImage('x')).message).toMatch(/does not answer/);
    await executor[Symbol.asyncDispose]();
  });

  it('reports a container that cannot start, removes it and its run directory', async () => {
    const containers = new FakeContainers();
    containers.failStart = Object.assign(new Error('(HTTP code 500) server error'), {
      statusCode: 500,
      json: { message: 'OCI runtime create failed: exec: "nope": executable file not found' },
    });
    const executor = new DockerExecutor({ runtimeDir, containers, images: present, instanceId: 'i1' });
    const outcome = await (await executor.start(spec(), quiet)).done;
    expect(outcome.platformError).toMatch(/starting the container c1 failed: .*executable file not found/);
    expect(containers.removed).toEqual(['c1']);
    expect(await readdir(join(runtimeDir, 'i1'))).toEqual(['owner.json']);
    expect(containers.created[0]).toMatchObject({ networkMode: 'host', user: '0:0', env: { A: '1' } });
    expect(containers.created[0]?.binds[0]).toMatch(/results\.sock:\/_abaco_results\.sock$/);
    await executor[Symbol.asyncDispose]();
    expect(existsSync(join(runtimeDir, 'i1'))).toBe(false);
  });

  it('survives hooks that throw', async () => {
    const containers = new FakeContainers();
    const executor = new DockerExecutor({ runtimeDir, containers, images: present });
    const boom = () => {
      throw new Error('hook failed');
    };
    const running = await executor.start(spec(), { onLog: boom, onResult: boom, onStarted: boom });
    containers.finish(0);
    expect(await running.done).toMatchObject({ exitCode: 0, platformError: null });
    await executor[Symbol.asyncDispose]();
  });

  it('never hangs when the engine does not report the exit after a kill', async () => {
    const containers = new FakeContainers();
    containers.ignoreKill = true;
    const executor = new DockerExecutor({ runtimeDir, containers, images: present, exitGraceMs: 100 });
    const t0 = Date.now();
    const outcome = await (await executor.start(spec({ maxRunMs: 50 }), quiet)).done;
    expect(outcome.platformError).toMatch(/did not report that c1 exited/);
    expect(Date.now() - t0).toBeLessThan(3000);
    await executor[Symbol.asyncDispose]();
  });

  it('refuses a memory limit that is not Docker notation before creating anything', async () => {
    const containers = new FakeContainers();
    const executor = new DockerExecutor({ runtimeDir, containers, images: present });
    const outcome = await (await executor.start(spec({ memLimit: 'lots' }), quiet)).done;
    expect(outcome.platformError).toMatch(/not in Docker's notation/);
    expect(containers.created).toEqual([]);
    await executor[Symbol.asyncDispose]();
  });
});

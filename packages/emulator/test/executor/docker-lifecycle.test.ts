import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerContainerClient, ACTORKIT_INSTANCE_LABEL, ACTORKIT_LABEL, pingEngine } from '@actorkit/docker';
import { DockerExecutor } from '../../src/executor/docker-executor.js';
import { DEFAULT_RUNTIME_DIR } from '../../src/executor/run-dirs.js';
import { ACTOR_IMAGE, buildFixtureImages } from './fixture-images.js';
import { collector, makeSpec, runToEnd, until } from './harness.js';

const engine = await pingEngine();
const skip = !engine.ok && process.env.CI !== 'true'; // in CI a dead engine fails loudly instead
const containers = new DockerContainerClient();

const title = 'DockerExecutor: exits, stops, logs, failures and leftovers';

describe.skipIf(skip)(skip ? `${title} (skipped: ${engine.message})` : title, () => {
  let executor: DockerExecutor;

  beforeAll(async () => {
    await buildFixtureImages();
    executor = new DockerExecutor({
      instanceId: `test-life-${randomBytes(4).toString('hex')}`,
      exitGraceMs: 5000,
    });
  }, 240_000);

  afterAll(async () => {
    if (!executor) return; // beforeAll failed, and said why
    await executor[Symbol.asyncDispose]();
    expect(await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: executor.instanceId })).toEqual([]);
  });

  it('reports exit code 3 as an exit code, not a platform error', async () => {
    const { outcome } = await runToEnd(executor, makeSpec({ env: { FIXTURE_EXIT: '3' } }));
    expect(outcome).toMatchObject({ exitCode: 3, platformError: null, stoppedBy: null });
    expect(outcome.finalState).toMatchObject({ Status: 'exited', ExitCode: 3 });
  });

  it('stops a sleeper at maxRunMs with Docker’s exit code', async () => {
    const t0 = Date.now();
    const { outcome, got } = await runToEnd(
      executor,
      makeSpec({ env: { FIXTURE_SLEEP: '1' }, maxRunMs: 1500 }),
    );
    expect(outcome).toMatchObject({ stoppedBy: 'timeout', exitCode: 137, platformError: null });
    expect(got.text()).toContain('sleeping');
    expect(outcome.runtimeMs).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('force-quits a running container on stop()', async () => {
    const got = collector();
    const running = await executor.start(makeSpec({ env: { FIXTURE_SLEEP: '1' } }), got.hooks);
    await until(() => got.text().includes('sleeping'), 20_000, 'the sleeper saying so');
    await running.stop();
    const outcome = await running.done;
    expect(outcome).toMatchObject({ stoppedBy: 'force-quit', exitCode: 137, platformError: null });
    expect(got.started[0]?.handle).toMatch(/^[0-9a-f]{64}$/);
    expect(await containers.inspect(got.started[0]!.handle)).toBeNull(); // removed
  });

  it('stop() right after start() ends it without a container left behind', async () => {
    const got = collector();
    const running = await executor.start(makeSpec({ env: { FIXTURE_SLEEP: '1' } }), got.hooks);
    await running.stop();
    const outcome = await running.done;
    expect(outcome.stoppedBy).toBe('force-quit');
    expect(outcome.platformError).toBeNull();
    expect(await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: executor.instanceId })).toEqual([]);
  });

  it('streams 5 MB of logs through onLog in small pieces while the container runs', async () => {
    const bytes = 5 * 1024 * 1024;
    const spec = makeSpec({ env: { FIXTURE_LOG_BYTES: String(bytes), FIXTURE_LINGER_MS: '300' } });
    const heapBefore = process.memoryUsage().heapUsed;
    const { outcome, got } = await runToEnd(executor, spec, { keepLogs: false });
    expect(outcome.exitCode).toBe(0);
    expect(got.logBytes()).toBe(bytes);
    expect(got.logs.length).toBeGreaterThan(40);
    expect(got.maxLogChunk()).toBeLessThanOrEqual(256 * 1024);
    expect(got.logTimes[0]!).toBeLessThan(outcome.finishTime.getTime());
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(bytes);
  });

  it('measures user CPU in jiffies from the engine’s samples (and block I/O in sectors where the kernel counts it)', async () => {
    const spec = makeSpec({ env: { FIXTURE_WRITE_BYTES: String(4 * 1024 * 1024), FIXTURE_BURN_MS: '2500' } });
    const { outcome } = await runToEnd(executor, spec);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.cpuJiffies).toBeGreaterThan(30);
    expect(outcome.cpuJiffies).toBeLessThanOrEqual(Math.ceil(outcome.runtimeMs / 10) + 10);
    // This host's kernel (cgroup v1, no blkio throttle rule, no I/O scheduler) does not attribute block I/O to the
    // container, so the engine reports none; the sum itself is unit-tested on a sample in container-stats.test.ts.
    expect(Number.isInteger(outcome.ioSectors) && outcome.ioSectors >= 0).toBe(true);
  });

  it('force-quits what still runs when disposed, and leaves nothing behind', async () => {
    const other = new DockerExecutor({ instanceId: `test-dispose-${randomBytes(4).toString('hex')}` });
    const got = collector();
    const running = await other.start(makeSpec({ env: { FIXTURE_SLEEP: '1' } }), got.hooks);
    await until(() => got.text().includes('sleeping'), 20_000, 'the sleeper saying so');
    await other[Symbol.asyncDispose]();
    expect(await running.done).toMatchObject({ stoppedBy: 'force-quit', exitCode: 137 });
    expect(await containers.listByLabel({ [ACTORKIT_INSTANCE_LABEL]: other.instanceId })).toEqual([]);
    expect(existsSync(join(DEFAULT_RUNTIME_DIR, other.instanceId))).toBe(false);
    const late = await (await other.start(makeSpec(), got.hooks)).done;
    expect(late.platformError).toMatch(/shut down/);
  });

  it('answers a missing image with a platform error that names it and says how to build it', async () => {
    const image = `actorkit-test/missing-${randomBytes(3).toString('hex')}:latest`;
    const t0 = Date.now();
    const { outcome, got } = await runToEnd(executor, makeSpec({ image }));
    expect(outcome.exitCode).toBeNull();
    expect(outcome.platformError).toContain(image);
    expect(outcome.platformError).toMatch(/registry/);
    expect(outcome.platformError).toMatch(/docker build/);
    expect(got.started).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await executor.checkImage(image)).present).toBe(false);
    expect(await executor.checkImage(ACTOR_IMAGE)).toMatchObject({ present: true });
  });

  it('removes containers and run directories of dead instances, and keeps a live instance’s', async () => {
    const dead = `dead-${randomBytes(4).toString('hex')}`;
    const live = `live-${randomBytes(4).toString('hex')}`;
    const owner = (pid: number) =>
      JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString() });
    await mkdir(join(DEFAULT_RUNTIME_DIR, dead, 'ex-old'), { recursive: true });
    await writeFile(join(DEFAULT_RUNTIME_DIR, dead, 'owner.json'), owner(2 ** 22 + 1)); // above pid_max: never alive
    await mkdir(join(DEFAULT_RUNTIME_DIR, live), { recursive: true });
    await writeFile(join(DEFAULT_RUNTIME_DIR, live, 'owner.json'), owner(process.pid));
    const make = (instance: string) =>
      containers.create({
        image: ACTOR_IMAGE,
        env: {},
        binds: [],
        labels: { [ACTORKIT_LABEL]: 'true', [ACTORKIT_INSTANCE_LABEL]: instance },
      });
    const deadId = await make(dead);
    const liveId = await make(live);
    try {
      expect(await executor.removeLeftovers()).toBeGreaterThanOrEqual(1);
      expect(await containers.inspect(deadId)).toBeNull();
      expect(await containers.inspect(liveId)).not.toBeNull();
      expect(existsSync(join(DEFAULT_RUNTIME_DIR, dead))).toBe(false);
    } finally {
      await containers.remove(liveId);
      await containers.remove(deadId);
      await rm(join(DEFAULT_RUNTIME_DIR, live), { recursive: true, force: true });
      await rm(join(DEFAULT_RUNTIME_DIR, dead), { recursive: true, force: true });
    }
  });
});

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { ProcessExecutor } from '../../src/executor/process-executor.js';
import { processStartTicks } from '../../src/executor/process-stats.js';
import { DEFAULT_RUNTIME_DIR, isPidAlive } from '../../src/executor/run-dirs.js';
import { collector, echoed, expectedResult, FIXTURE_SCRIPT, makeSpec, runToEnd, until } from './harness.js';

const node = (env: Record<string, string>, over: Parameters<typeof makeSpec>[0] = {}) =>
  makeSpec({ command: [process.execPath, FIXTURE_SCRIPT], cwd: dirname(FIXTURE_SCRIPT), env, ...over });

describe('ProcessExecutor: the same actor as a local process', () => {
  let executor: ProcessExecutor;
  beforeAll(() => {
    process.env.AK_NOT_FOR_ACTORS = 'secret';
    executor = new ProcessExecutor({
      instanceId: `test-proc-${randomBytes(4).toString('hex')}`,
      killGraceMs: 300,
    });
  });
  afterAll(async () => {
    delete process.env.AK_NOT_FOR_ACTORS;
    await executor[Symbol.asyncDispose]();
    expect(existsSync(join(DEFAULT_RUNTIME_DIR, executor.instanceId))).toBe(false);
  });

  it('gives the environment, the binary message through the FIFO, and the paths it needs', async () => {
    const binary = randomBytes(300_000);
    const env = { MSG: 'ünï "q" = x\ny', _abaco_Content_Type: 'application/octet-stream', FIXTURE_ECHO: '1' };
    const { outcome, got } = await runToEnd(executor, node(env, { binary }));
    expect(outcome).toMatchObject({ exitCode: 0, platformError: null, stoppedBy: null });
    const seen = echoed(got.text());
    expect(seen.env).toMatchObject({ ...env, ACTORKIT_BINARY_DATA_SIZE: '300000', PATH: process.env.PATH });
    expect(seen.env.AK_NOT_FOR_ACTORS).toBeUndefined();
    expect(seen.env.ACTORKIT_RESULTS_SOCKET_PATH).toMatch(/results\.sock$/);
    expect(seen.binary?.sha256).toBe(createHash('sha256').update(binary).digest('hex'));
    expect(seen.binary?.emptyReads).toBe(0);
    expect(outcome.finalState).toMatchObject({ Status: 'exited', ExitCode: 0, Signal: null });
    expect(got.started[0]?.handle).toBe(String(outcome.finalState?.Pid));
    expect(existsSync(dirname(seen.env.ACTORKIT_RESULTS_SOCKET_PATH!))).toBe(false); // run dir removed
  });

  it('delivers 1-byte, 100 KB and 131,072-byte results whole and in order; a capped 131,073 fails in the process', async () => {
    const sizes = [1, 100_000, MAX_RESULT_BYTES];
    const { outcome, got } = await runToEnd(executor, node({ FIXTURE_RESULTS: sizes.join(',') }));
    expect(outcome.exitCode, got.text()).toBe(0);
    expect(got.results.map((r) => r.length)).toEqual(sizes);
    got.results.forEach((r, i) => expect(Buffer.from(r).equals(expectedResult(i, sizes[i]!))).toBe(true));

    const capped = await runToEnd(
      executor,
      node({ FIXTURE_RESULTS: `${MAX_RESULT_BYTES + 1},2`, FIXTURE_CAP: '1' }),
    );
    expect(capped.outcome.exitCode).toBe(4);
    expect(capped.got.text()).toMatch(/131073 bytes\) could not be sent/);
    expect(capped.got.results.map((r) => r.length)).toEqual([2]);
  });

  it('reports exit code 3, user CPU and storage I/O', async () => {
    const env = { FIXTURE_EXIT: '3', FIXTURE_BURN_MS: '1000', FIXTURE_WRITE_BYTES: String(4 * 1024 * 1024) };
    const { outcome } = await runToEnd(executor, node(env));
    expect(outcome).toMatchObject({ exitCode: 3, platformError: null });
    expect(outcome.runtimeMs).toBeGreaterThanOrEqual(1000);
    expect(outcome.cpuJiffies).toBeGreaterThan(30);
    expect(outcome.cpuJiffies).toBeLessThanOrEqual(Math.ceil(outcome.runtimeMs / 10) + 10);
    expect(outcome.ioSectors).toBeGreaterThanOrEqual(8192);
  });

  it('stops at maxRunMs with SIGTERM (143), and force-quits one that ignores SIGTERM with SIGKILL (137)', async () => {
    const timedOut = await runToEnd(executor, node({ FIXTURE_SLEEP: '1' }, { maxRunMs: 500 }));
    expect(timedOut.outcome).toMatchObject({ stoppedBy: 'timeout', exitCode: 143 });
    expect(timedOut.outcome.finalState).toMatchObject({ Signal: 'SIGTERM' });

    const got = collector();
    const running = await executor.start(node({ FIXTURE_SLEEP: '1', FIXTURE_IGNORE_TERM: '1' }), got.hooks);
    await until(() => got.text().includes('sleeping'), 10_000, 'the sleeper saying so');
    await running.stop();
    const outcome = await running.done;
    expect(outcome).toMatchObject({ stoppedBy: 'force-quit', exitCode: 137 });
    expect(got.text()).toContain('ignoring SIGTERM');
    expect(isPidAlive(Number(got.started[0]!.handle))).toBe(false);
  });

  it('answers a missing or unrunnable command with a platform error', async () => {
    const none = await runToEnd(executor, makeSpec({ command: undefined }));
    expect(none.outcome.platformError).toMatch(/needs the actor's command/);
    const missing = await runToEnd(executor, makeSpec({ command: ['/nonexistent/actor-bin'] }));
    expect(missing.outcome.platformError).toMatch(/\/nonexistent\/actor-bin.*ENOENT/);
    expect(missing.outcome.exitCode).toBeNull();
  });

  it('kills the process groups a dead instance recorded, but not a pid that now names another process', async () => {
    const sleeper = () =>
      spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { detached: true, stdio: 'ignore' });
    const [left, reused] = [sleeper(), sleeper()];
    const dead = join(DEFAULT_RUNTIME_DIR, `dead-${randomBytes(4).toString('hex')}`);
    try {
      await until(async () => (await processStartTicks(left.pid!)) !== null, 5000, 'the sleeper starting');
      await mkdir(join(dead, 'ex-a'), { recursive: true });
      await mkdir(join(dead, 'ex-b'), { recursive: true });
      await writeFile(join(dead, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 1, hostname: hostname() }));
      await writeFile(join(dead, 'ex-a', 'pid'), `${left.pid} ${await processStartTicks(left.pid!)}\n`);
      await writeFile(join(dead, 'ex-b', 'pid'), `${reused.pid} 1\n`); // same pid, another start time
      expect(await executor.removeLeftovers()).toBeGreaterThanOrEqual(1);
      await until(() => left.exitCode !== null || left.signalCode !== null, 5000, 'the leftover dying');
      expect(left.signalCode).toBe('SIGKILL');
      expect(isPidAlive(reused.pid!)).toBe(true);
      expect(existsSync(dead)).toBe(false);
    } finally {
      for (const child of [left, reused])
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dead, { recursive: true, force: true });
    }
  });
});

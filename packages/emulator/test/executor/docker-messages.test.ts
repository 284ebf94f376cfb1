import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@actorkit/api';
import { DockerContainerClient, ACTORKIT_INSTANCE_LABEL, pingEngine } from '@actorkit/docker';
import { DockerExecutor } from '../../src/executor/docker-executor.js';
import { DEFAULT_RUNTIME_DIR } from '../../src/executor/run-dirs.js';
import { ACTOR_IMAGE, NONROOT_IMAGE, buildFixtureImages } from './fixture-images.js';
import { echoed, expectedResult, makeSpec, runToEnd } from './harness.js';

const engine = await pingEngine();
const skip = !engine.ok && process.env.CI !== 'true'; // in CI a dead engine fails loudly instead

const title = 'DockerExecutor: messages and results in real containers';

describe.skipIf(skip)(skip ? `${title} (skipped: ${engine.message})` : title, () => {
  let executor: DockerExecutor;

  beforeAll(async () => {
    await buildFixtureImages();
    executor = new DockerExecutor({ instanceId: `test-msg-${randomBytes(4).toString('hex')}` });
  }, 240_000);

  afterAll(async () => {
    if (!executor) return; // beforeAll failed, and said why
    await executor[Symbol.asyncDispose]();
    const left = await new DockerContainerClient().listByLabel({
      [ACTORKIT_INSTANCE_LABEL]: executor.instanceId,
    });
    expect(left).toEqual([]);
    expect(existsSync(join(DEFAULT_RUNTIME_DIR, executor.instanceId))).toBe(false);
  });

  it('gives a str message and its environment to the container exactly, with host networking and the limits', async () => {
    const env = {
      MSG: 'hello, "world" = ünïcødé\nsecond line',
      _abaco_Content_Type: 'str',
      '_abaco_Content-Type': 'str',
      _abaco_execution_id: 'exec-1',
      EMPTY: '',
      WITH_EQUALS: 'a=b=c',
      FIXTURE_ECHO: '1',
    };
    const { outcome, got } = await runToEnd(
      executor,
      makeSpec({ env, memLimit: '256m', maxCpus: 500_000_000 }),
    );
    expect(outcome.platformError).toBeNull();
    expect(outcome.exitCode).toBe(0);
    const seen = echoed(got.text());
    expect(seen.env).toMatchObject(env);
    expect(seen.env.ACTORKIT_BINARY_DATA_SIZE).toBeUndefined();
    expect(seen.binary).toBeNull(); // no FIFO for a str message
    expect(seen.uid).toBe(0);
    expect(seen.hostname).toBe(hostname());
    expect(seen.memoryLimit).toBe(String(256 * 1024 * 1024));
    expect(seen.cpuQuota).toBe('50000'); // half a CPU of a 100 ms period
    expect(outcome.finalState).toMatchObject({ Status: 'exited', ExitCode: 0, OOMKilled: false });
    expect(got.started).toHaveLength(1);
    expect(outcome.runtimeMs).toBeGreaterThan(0);
    expect(outcome.finishTime.getTime()).toBeGreaterThanOrEqual(outcome.startTime!.getTime());
  });

  it('passes a JSON message as the Python literal, and extra mounts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ak-mount-'));
    try {
      await writeFile(join(dir, 'code.txt'), 'mounted code');
      const env = {
        MSG: "{'k': 'v', 'ok': True, 'n': None}",
        _abaco_Content_Type: 'application/json',
        FIXTURE_ECHO: '1',
        FIXTURE_READ_FILE: '/code/code.txt',
      };
      const { outcome, got } = await runToEnd(executor, makeSpec({ env, mounts: [`${dir}:/code:ro`] }));
      expect(outcome.exitCode).toBe(0);
      const seen = echoed(got.text());
      expect(seen.env.MSG).toBe(env.MSG);
      expect(seen.file).toBe('mounted code');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('puts a binary message in the FIFO before the process starts, whole, with its size', async () => {
    const binary = randomBytes(300_000);
    const env = { _abaco_Content_Type: 'application/octet-stream', FIXTURE_ECHO: '1' };
    const { outcome, got } = await runToEnd(executor, makeSpec({ env, binary }));
    expect(outcome.exitCode).toBe(0);
    const seen = echoed(got.text());
    expect(seen.env.MSG).toBeUndefined();
    expect(seen.env.ACTORKIT_BINARY_DATA_SIZE).toBe('300000');
    expect(seen.binary?.size).toBe(300_000);
    expect(seen.binary?.sha256).toBe(createHash('sha256').update(binary).digest('hex'));
    expect(seen.binary?.emptyReads).toBe(0); // it was all there at once
  });

  it('streams a binary message larger than the pipe can hold as the reader drains it', async () => {
    const binary = randomBytes(3 * 1024 * 1024);
    const { outcome, got } = await runToEnd(executor, makeSpec({ env: { FIXTURE_ECHO: '1' }, binary }));
    expect(outcome.exitCode).toBe(0);
    const seen = echoed(got.text());
    expect(seen.binary?.size).toBe(binary.length);
    expect(seen.binary?.sha256).toBe(createHash('sha256').update(binary).digest('hex'));
  });

  it('delivers results of 1 byte, 100 KB and exactly 131,072 bytes whole and in order', async () => {
    const sizes = [1, 100_000, MAX_RESULT_BYTES, 7];
    const { outcome, got } = await runToEnd(
      executor,
      makeSpec({ env: { FIXTURE_RESULTS: sizes.join(',') } }),
    );
    expect(outcome.exitCode, got.text()).toBe(0);
    expect(got.results.map((r) => r.length)).toEqual(sizes);
    got.results.forEach((r, i) => expect(Buffer.from(r).equals(expectedResult(i, sizes[i]!))).toBe(true));
  });

  it('a 131,073-byte result fails in the container when the sender caps its socket, and the executor carries on', async () => {
    const sizes = [10, MAX_RESULT_BYTES + 1, 20];
    const spec = makeSpec({ env: { FIXTURE_RESULTS: sizes.join(','), FIXTURE_CAP: '1' } });
    const { outcome, got } = await runToEnd(executor, spec);
    expect(outcome.platformError).toBeNull();
    expect(outcome.exitCode).toBe(4);
    expect(got.text()).toMatch(/result 1 \(131073 bytes\) could not be sent: .*(too long|EMSGSIZE)/i);
    expect(got.results.map((r) => r.length)).toEqual([10, 20]);
    expect((await executor.health()).ok).toBe(true);
  });

  it('drops a datagram over 131,072 bytes from an uncapped sender with a note in the log, never a cut result', async () => {
    const sizes = [MAX_RESULT_BYTES + 1, 5];
    const { outcome, got } = await runToEnd(
      executor,
      makeSpec({ env: { FIXTURE_RESULTS: sizes.join(',') } }),
    );
    expect(outcome.exitCode).toBe(0);
    expect(got.results.map((r) => r.length)).toEqual([5]);
    expect(got.text()).toContain('a result of 131073 bytes was dropped');
  });

  it('lets a non-root container user read the FIFO and send results', async () => {
    const env = { FIXTURE_ECHO: '1', FIXTURE_RESULTS: '3' };
    const spec = makeSpec({ image: NONROOT_IMAGE, useContainerUid: true, env, binary: Buffer.from('bytes') });
    const { outcome, got } = await runToEnd(executor, spec);
    expect(outcome.exitCode, got.text()).toBe(0);
    expect(echoed(got.text()).uid).toBe(1000);
    expect(echoed(got.text()).binary?.base64).toBe(Buffer.from('bytes').toString('base64'));
    expect(got.results).toHaveLength(1);
  });

  it('leaves no socket, FIFO or run directory behind', async () => {
    await runToEnd(
      executor,
      makeSpec({ image: ACTOR_IMAGE, env: { FIXTURE_RESULTS: '1' }, binary: Buffer.from('x') }),
    );
    const instanceDir = join(DEFAULT_RUNTIME_DIR, executor.instanceId);
    expect(await readdir(instanceDir)).toEqual(['owner.json']);
  });
});
